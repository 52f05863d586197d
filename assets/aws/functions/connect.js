'use strict';
// $connect: checks the optional token (stack parameter ConnectToken) and the room (?room=R,
// absent = `default`), and stores the connection with its room. A non-2xx answer refuses the
// WebSocket upgrade with that status (FACTS 13).
const crypto = require('crypto');
const { dynamoClient } = require('./lib/clients');
const connections = require('./lib/connections');
const { roomOf, invalidRoom } = require('./lib/rooms');

function sameSecret(given, expected) {
  const a = crypto.createHash('sha256').update(String(given)).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

async function connect(event, dynamo = dynamoClient(), expectedToken = process.env.CONNECT_TOKEN || '') {
  const query = event.queryStringParameters || {};
  if (expectedToken) {
    const given = query.token;
    if (given === undefined || given === '') return { statusCode: 401, body: 'Unauthorized: add ?token=' };
    if (!sameSecret(given, expectedToken)) return { statusCode: 403, body: 'Forbidden: wrong token' };
  }
  const r = roomOf(query.room);
  if (r.error) return invalidRoom(r.error);
  await connections.add(dynamo, event.requestContext.connectionId, r.room);
  return { statusCode: 200, body: 'Connected.' };
}

exports.handler = async (event) => connect(event);
module.exports.connect = connect;
