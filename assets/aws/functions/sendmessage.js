'use strict';
// sendmessage: {"action":"sendmessage","data":"<text>"}, the chat sample's protocol. Every
// connection receives <text>; stale ids are cleaned up, not fatal (lib/connections.js).
const { dynamoClient, managementClient, endpointOf } = require('./lib/clients');
const { deliver } = require('./lib/deliver');

async function sendMessage(event, dynamo = dynamoClient(), manager = managementClient(endpointOf(event))) {
  let body;
  try {
    body = JSON.parse(event.body);
  } catch (notJson) {
    return { statusCode: 400, body: 'The message is not JSON.' };
  }
  if (!body || typeof body.data !== 'string') return { statusCode: 400, body: "sendmessage needs a string 'data'." };
  const r = await deliver(dynamo, manager, body.data);
  console.log(JSON.stringify({ seq: r.seq, sent: r.sent, gone: r.gone.length, failed: r.failed.length }));
  return { statusCode: 200, body: 'Data sent.' };
}

exports.handler = (event) => sendMessage(event);
module.exports.sendMessage = sendMessage;
