'use strict';
// The SNS topic's subscriber: each published message goes to the pollers' log and to every
// WebSocket connection, exactly as sendmessage does.
const { dynamoClient, managementClient } = require('./lib/clients');
const { deliver } = require('./lib/deliver');

async function onSns(event, dynamo = dynamoClient(), manager = managementClient(process.env.CONNECTIONS_URL)) {
  for (const record of event.Records || []) {
    const r = await deliver(dynamo, manager, record.Sns.Message);
    console.log(JSON.stringify({ seq: r.seq, sent: r.sent, gone: r.gone.length, failed: r.failed.length }));
  }
}

exports.handler = (event) => onSns(event);
module.exports.onSns = onSns;
