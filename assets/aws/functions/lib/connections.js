'use strict';
// The connections table and the broadcast. Unlike simple-websockets-chat-app (FACTS 30-31),
// a 410 deletes the id that is gone (not the sender's), it is recognised the SDK v3 way
// (GoneException / $metadata.httpStatusCode), and one failed send never fails the others.
// Each row keeps its room; the table's index `byRoom` finds a room's connections, so a
// broadcast reaches one room and reads only that room's rows.
const { PutItemCommand, DeleteItemCommand, QueryCommand, GetItemCommand } = require('@aws-sdk/client-dynamodb');
const { PostToConnectionCommand } = require('@aws-sdk/client-apigatewaymanagementapi');

/** API Gateway closes every connection after 2 hours; the TTL removes rows $disconnect missed. */
const CONNECTION_TTL_SECONDS = 2 * 60 * 60 + 5 * 60;
/** Sends in flight at once: enough to hide round trips, few enough to stay under @connections throttling. */
const DEFAULT_CONCURRENCY = 32;
/**
 * $connect writes the row while the upgrade is still pending (FACTS 13), and a post in that
 * window answers 410 (FACTS 18: "posting before the connection is established"). A 410 deletes
 * only rows older than this: longer than the 29 s a $connect integration may take (FACTS 8).
 */
const GONE_GRACE_MS = 30000;
const BY_ROOM = 'byRoom';

function table() {
  const t = process.env.CONNECTIONS_TABLE;
  if (!t) throw new Error('CONNECTIONS_TABLE is not set');
  return t;
}

async function add(dynamo, connectionId, room, nowMs = Date.now()) {
  await dynamo.send(new PutItemCommand({
    TableName: table(),
    Item: {
      connectionId: { S: connectionId },
      room: { S: room },
      connectedAt: { N: String(nowMs) },
      ttl: { N: String(Math.floor(nowMs / 1000) + CONNECTION_TTL_SECONDS) },
    },
  }));
}

async function remove(dynamo, connectionId) {
  await dynamo.send(new DeleteItemCommand({ TableName: table(), Key: { connectionId: { S: connectionId } } }));
}

/** The room a stored connection belongs to, or null when its row is gone. */
async function roomOfConnection(dynamo, connectionId) {
  const r = await dynamo.send(new GetItemCommand({
    TableName: table(), Key: { connectionId: { S: connectionId } }, ProjectionExpression: 'room',
  }));
  return r.Item && r.Item.room ? r.Item.room.S : null;
}

/** Every connection id in a room, following the index's pages (pageSize: tests force several). */
async function inRoom(dynamo, room, pageSize = undefined) {
  const ids = [];
  let start;
  do {
    const page = await dynamo.send(new QueryCommand({
      TableName: table(), IndexName: BY_ROOM,
      KeyConditionExpression: 'room = :r', ExpressionAttributeValues: { ':r': { S: room } },
      ExclusiveStartKey: start, Limit: pageSize,
    }));
    for (const item of page.Items || []) ids.push(item.connectionId.S);
    start = page.LastEvaluatedKey;
  } while (start);
  return ids;
}

function isGone(err) {
  return !!err && (err.name === 'GoneException' || (!!err.$metadata && err.$metadata.httpStatusCode === 410));
}

/**
 * Deletes a connection that answered 410, unless its row is younger than the grace period
 * (a client still upgrading). The age test is a DynamoDB condition, so a row written again
 * meanwhile is never removed. True when deleted.
 */
async function removeGone(dynamo, connectionId, nowMs = Date.now()) {
  try {
    await dynamo.send(new DeleteItemCommand({
      TableName: table(), Key: { connectionId: { S: connectionId } },
      ConditionExpression: 'connectedAt < :cutoff',
      ExpressionAttributeValues: { ':cutoff': { N: String(nowMs - GONE_GRACE_MS) } },
    }));
    return true;
  } catch (err) {
    if (err.name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}

/**
 * Posts data to every id, at most `concurrency` at a time. A gone id (410) old enough is
 * deleted, a young one kept; any other failure is counted and logged. Never throws for a
 * single connection.
 */
async function broadcast(dynamo, manager, ids, data, concurrency = DEFAULT_CONCURRENCY, nowMs = () => Date.now()) {
  const result = { sent: 0, gone: [], young: [], failed: [] };
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
          try {
            if (await removeGone(dynamo, id, nowMs())) result.gone.push(id);
            else result.young.push(id);
          } catch (cleanupErr) {
            result.gone.push(id);
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

module.exports = { add, remove, removeGone, roomOfConnection, inRoom, broadcast, isGone,
  CONNECTION_TTL_SECONDS, DEFAULT_CONCURRENCY, GONE_GRACE_MS, BY_ROOM };
