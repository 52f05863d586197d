'use strict';
// The SNS topic's subscriber: each published message goes to its room's log for the pollers
// and to that room's WebSocket connections, exactly as sendmessage does. The room is the
// String message attribute `room` (absent = `default`). The append is idempotent on the SNS
// MessageId, so Lambda's retries of a failed delivery add no second copy; what still fails
// after the retries goes to the on-failure destination (template: SnsFailures queue).
const { dynamoClient, managementClient } = require('./lib/clients');
const { deliver, logLine } = require('./lib/deliver');
const { roomOf } = require('./lib/rooms');

/** The record's room, or {error}: a Number or Binary attribute is not a room name. */
function roomOfRecord(sns) {
  const attr = (sns.MessageAttributes || {}).room;
  if (!attr) return roomOf(undefined);
  if (attr.Type !== 'String') return { error: `must be a String attribute, got ${attr.Type}` };
  return roomOf(attr.Value);
}

async function onSns(event, dynamo = dynamoClient(), manager = managementClient(process.env.CONNECTIONS_URL)) {
  for (const record of event.Records || []) {
    const r = roomOfRecord(record.Sns);
    if (r.error) {
      // SNS itself accepted the publish (it knows no room rule); retrying cannot make it valid
      console.warn(JSON.stringify({ dropped: record.Sns.MessageId, reason: `Invalid room: ${r.error}` }));
      continue;
    }
    const d = await deliver(dynamo, manager, r.room, record.Sns.Message, record.Sns.MessageId);
    console.log(logLine(r.room, d));
  }
}

exports.handler = async (event) => onSns(event);
module.exports.onSns = onSns;
