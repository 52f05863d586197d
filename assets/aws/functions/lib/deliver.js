'use strict';
// One published message, whichever way it came in (sendmessage or SNS): appended to the log
// for the pollers, then pushed to every WebSocket connection.
const connections = require('./connections');
const messages = require('./messages');

async function deliver(dynamo, manager, data) {
  const message = await messages.append(dynamo, data);
  const ids = await connections.all(dynamo);
  const result = await connections.broadcast(dynamo, manager, ids, data);
  return { seq: message.seq, ...result };
}

module.exports = { deliver };
