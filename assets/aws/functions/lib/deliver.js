'use strict';
// One published message, whichever way it came in (sendmessage or SNS): appended to its
// room's log for the pollers, then pushed to that room's WebSocket connections only. A
// retried SNS delivery appends nothing new and pushes only if no earlier attempt had.
const connections = require('./connections');
const messages = require('./messages');

async function deliver(dynamo, manager, room, data, messageId = null) {
  const message = await messages.append(dynamo, room, data, { messageId });
  if (message.pushed) return { seq: message.seq, duplicate: true, sent: 0, gone: [], young: [], failed: [] };
  const ids = await connections.inRoom(dynamo, room);
  const result = await connections.broadcast(dynamo, manager, ids, data);
  if (messageId) await messages.markPushed(dynamo, messageId);
  return { seq: message.seq, duplicate: message.duplicate, ...result };
}

/** The one log line per delivery. */
function logLine(room, r) {
  return JSON.stringify({ room, seq: r.seq, duplicate: r.duplicate, sent: r.sent, gone: r.gone.length,
    young: r.young.length, failed: r.failed.length });
}

module.exports = { deliver, logLine };
