'use strict';
// $disconnect: removes the connection. Delivered best-effort only (FACTS 14), which is why the
// broadcast also deletes ids that answer 410 and the table has a TTL.
const { dynamoClient } = require('./lib/clients');
const connections = require('./lib/connections');

async function disconnect(event, dynamo = dynamoClient()) {
  await connections.remove(dynamo, event.requestContext.connectionId);
  return { statusCode: 200, body: 'Disconnected.' };
}

exports.handler = async (event) => disconnect(event);
module.exports.disconnect = disconnect;
