'use strict';
// The message log the pollers read: one DynamoDB item per message, keyed stream + seq so a
// cursor read is one Query "seq > cursor". A counter item hands out seq numbers with no holes.
const { UpdateItemCommand, PutItemCommand, QueryCommand, GetItemCommand } = require('@aws-sdk/client-dynamodb');

const STREAM = 'main';
const HEAD = '#head';
/** Pollers that fall further behind than this get `gap: true`, as on the mock. */
const RETENTION_SECONDS = 60 * 60;
/** Past this age a hole in the seq numbers is a lost write, not one still in flight. */
const HOLE_PATIENCE_MS = 5000;
const MAX_PER_ANSWER = 100;

function table() {
  const t = process.env.MESSAGES_TABLE;
  if (!t) throw new Error('MESSAGES_TABLE is not set');
  return t;
}

/** Stores data as the next message and returns it as pollers will see it. */
async function append(dynamo, data, nowMs = Date.now()) {
  const counter = await dynamo.send(new UpdateItemCommand({
    TableName: table(),
    Key: { stream: { S: HEAD }, seq: { N: '0' } },
    UpdateExpression: 'ADD #last :one',
    ExpressionAttributeNames: { '#last': 'last' },
    ExpressionAttributeValues: { ':one': { N: '1' } },
    ReturnValues: 'UPDATED_NEW',
  }));
  const seq = Number(counter.Attributes.last.N);
  await dynamo.send(new PutItemCommand({
    TableName: table(),
    Item: {
      stream: { S: STREAM }, seq: { N: String(seq) }, data: { S: data },
      publishedAt: { N: String(nowMs) }, ttl: { N: String(Math.floor(nowMs / 1000) + RETENTION_SECONDS) },
    },
  }));
  return { seq, data, publishedAt: nowMs };
}

/** The last seq handed out (0 before the first message): where a poll without a cursor starts. */
async function head(dynamo) {
  const r = await dynamo.send(new GetItemCommand({
    TableName: table(), Key: { stream: { S: HEAD }, seq: { N: '0' } }, ConsistentRead: true,
  }));
  return r.Item && r.Item.last ? Number(r.Item.last.N) : 0;
}

/**
 * The messages after cursor, as {cursor, messages, gap}: the poll API's answer. A message
 * whose predecessor is not written yet waits for it (a concurrent append), unless it is
 * older than HOLE_PATIENCE_MS, then the hole is reported as a gap.
 */
async function after(dynamo, cursor, nowMs = Date.now()) {
  const r = await dynamo.send(new QueryCommand({
    TableName: table(),
    KeyConditionExpression: '#s = :s AND seq > :c',
    ExpressionAttributeNames: { '#s': 'stream' },
    ExpressionAttributeValues: { ':s': { S: STREAM }, ':c': { N: String(cursor) } },
    ConsistentRead: true,
    Limit: MAX_PER_ANSWER,
  }));
  const items = (r.Items || []).map((i) => ({
    seq: Number(i.seq.N), data: i.data.S, publishedAt: Number(i.publishedAt.N),
  }));
  if (items.length === 0) return { cursor, messages: [], gap: false };
  let gap = false;
  if (items[0].seq !== cursor + 1) {
    if (nowMs - items[0].publishedAt < HOLE_PATIENCE_MS) return { cursor, messages: [], gap: false };
    gap = true;
  }
  const messages = [items[0]];
  for (let i = 1; i < items.length && items[i].seq === messages[messages.length - 1].seq + 1; i++) messages.push(items[i]);
  return { cursor: messages[messages.length - 1].seq, messages, gap };
}

module.exports = { append, head, after, STREAM, RETENTION_SECONDS, HOLE_PATIENCE_MS };
