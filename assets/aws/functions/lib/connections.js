'use strict';
// The connections table and the broadcast. Unlike simple-websockets-chat-app (FACTS 30-31),
// a 410 deletes the id that is gone (not the sender's), it is recognised the SDK v3 way
// (GoneException / $metadata.httpStatusCode), and one failed send never fails the others.
const { PutItemCommand, DeleteItemCommand, ScanCommand } = require('@aws-sdk/client-dynamodb');
const { PostToConnectionCommand } = require('@aws-sdk/client-apigatewaymanagementapi');

/** API Gateway closes every connection after 2 hours; the TTL removes rows $disconnect missed. */
const CONNECTION_TTL_SECONDS = 2 * 60 * 60 + 5 * 60;
/** Sends in flight at once: enough to hide round trips, few enough to stay under @connections throttling. */
const DEFAULT_CONCURRENCY = 32;

function table() {
  const t = process.env.CONNECTIONS_TABLE;
  if (!t) throw new Error('CONNECTIONS_TABLE is not set');
  return t;
}

async function add(dynamo, connectionId, nowMs = Date.now()) {
  await dynamo.send(new PutItemCommand({
    TableName: table(),
    Item: {
      connectionId: { S: connectionId },
      connectedAt: { N: String(nowMs) },
      ttl: { N: String(Math.floor(nowMs / 1000) + CONNECTION_TTL_SECONDS) },
    },
  }));
}

async function remove(dynamo, connectionId) {
  await dynamo.send(new DeleteItemCommand({ TableName: table(), Key: { connectionId: { S: connectionId } } }));
}

/** Every stored connection id, following the scan's pages. */
async function all(dynamo) {
  const ids = [];
  let start;
  do {
    const page = await dynamo.send(new ScanCommand({
      TableName: table(), ProjectionExpression: 'connectionId', ExclusiveStartKey: start,
    }));
    for (const item of page.Items || []) ids.push(item.connectionId.S);
    start = page.LastEvaluatedKey;
  } while (start);
  return ids;
}

function isGone(err) {
  return err && (err.name === 'GoneException' || (err.$metadata && err.$metadata.httpStatusCode === 410));
}

/**
 * Posts data to every id, at most `concurrency` at a time. A gone id (410) is deleted;
 * any other failure is counted and logged. Never throws for a single connection.
 */
async function broadcast(dynamo, manager, ids, data, concurrency = DEFAULT_CONCURRENCY) {
  const result = { sent: 0, gone: [], failed: [] };
  const payload = Buffer.from(data, 'utf8');
  let next = 0;
  async function worker() {
    while (next < ids.length) {
      const id = ids[next++];
      try {
        await manager.send(new PostToConnectionCommand({ ConnectionId: id, Data: payload }));
        result.sent++;
      } catch (err) {
        if (isGone(err)) {
          result.gone.push(id);
          try {
            await remove(dynamo, id);
          } catch (cleanupErr) {
            console.warn(`could not delete gone connection ${id}: ${cleanupErr.name}`);
          }
        } else {
          result.failed.push(id);
          console.warn(`send to ${id} failed: ${err.name}: ${err.message}`);
        }
      }
    }
  }
  const workers = [];
  for (let i = 0; i < Math.min(Math.max(1, concurrency), ids.length); i++) workers.push(worker());
  await Promise.all(workers);
  return result;
}

module.exports = { add, remove, all, broadcast, isGone, CONNECTION_TTL_SECONDS, DEFAULT_CONCURRENCY };
