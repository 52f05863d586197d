'use strict';
// $connect: checks the optional token (stack parameter ConnectToken) and stores the connection.
// A non-2xx answer refuses the WebSocket upgrade with that status (FACTS 13).
const crypto = require('crypto');
const { dynamoClient } = require('./lib/clients');
const connections = require('./lib/connections');

function sameSecret(given, expected) {
  const a = crypto.createHash('sha256').update(String(given)).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

async function connect(event, dynamo = dynamoClient(), expectedToken = process.env.CONNECT_TOKEN || '') {
  if (expectedToken) {
    const given = (event.queryStringParameters || {}).token;
    if (given === undefined || given === '') return { statusCode: 401, body: 'Unauthorized: add ?token=' };
    if (!sameSecret(given, expectedToken)) return { statusCode: 403, body: 'Forbidden: wrong token' };
  }
  await connections.add(dynamo, event.requestContext.connectionId);
  return { statusCode: 200, body: 'Connected.' };
}

exports.handler = (event) => connect(event);
module.exports.connect = connect;
