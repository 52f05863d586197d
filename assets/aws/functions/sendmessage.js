'use strict';
// sendmessage: {"action":"sendmessage","data":"<text>"}, the chat sample's protocol. Every
// connection in the sender's room receives <text> (the sender too); stale ids are cleaned
// up, not fatal (lib/connections.js).
const { dynamoClient, managementClient, endpointOf } = require('./lib/clients');
const connections = require('./lib/connections');
const { deliver, logLine } = require('./lib/deliver');

async function sendMessage(event, dynamo = dynamoClient(), manager = managementClient(endpointOf(event))) {
  let body;
  try {
    body = JSON.parse(event.body);
  } catch (notJson) {
    return { statusCode: 400, body: 'The message is not JSON.' };
  }
  if (!body || typeof body.data !== 'string') return { statusCode: 400, body: "sendmessage needs a string 'data'." };
  const room = await connections.roomOfConnection(dynamo, event.requestContext.connectionId);
  if (room === null) {
    // its row expired or a 410 removed it: the room is unknown, and guessing one would leak the message
    console.warn(`sendmessage from ${event.requestContext.connectionId}, which is not stored: dropped`);
    return { statusCode: 410, body: 'This connection is not registered; reconnect.' };
  }
  const r = await deliver(dynamo, manager, room, body.data);
  console.log(logLine(room, r));
  return { statusCode: 200, body: 'Data sent.' };
}

exports.handler = async (event) => sendMessage(event);
module.exports.sendMessage = sendMessage;
