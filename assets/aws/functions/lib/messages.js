'use strict';
// The message log the pollers read, one per room: one DynamoDB item per message, keyed
// stream ("room#<name>") + seq, so a cursor read is one Query "seq > cursor". The item at
// seq 0 of the same stream is the room's counter, which hands out seqs with no holes.
// An SNS message id makes the append idempotent: a retried delivery finds the seq its first
// attempt took (an item "sns#<MessageId>") and appends nothing new.
const { UpdateItemCommand, PutItemCommand, QueryCommand, GetItemCommand } = require('@aws-sdk/client-dynamodb');

/** Pollers that fall further behind than this get `gap: true`, as on the mock. */
const RETENTION_SECONDS = 60 * 60;
/** How long an SNS message id is remembered: past the longest age its retries may reach (template: 1 h). */
const DEDUPE_SECONDS = 2 * 60 * 60;
/** Past this age a hole in the seq numbers is a lost write, not one still in flight. */
const HOLE_PATIENCE_MS = 5000;
const MAX_PER_ANSWER = 100;

function table() {
  const t = process.env.MESSAGES_TABLE;
  if (!t) throw new Error('MESSAGES_TABLE is not set');
  return t;
}

const streamOf = (room) => `room#${room}`;
const counterKey = (room) => ({ stream: { S: streamOf(room) }, seq: { N: '0' } });
const dedupeKey = (messageId) => ({ stream: { S: `sns#${messageId}` }, seq: { N: '0' } });
const expiry = (nowMs, seconds) => ({ N: String(Math.floor(nowMs / 1000) + seconds) });

async function nextSeq(dynamo, room, nowMs) {
  const counter = await dynamo.send(new UpdateItemCommand({
    TableName: table(),
    Key: counterKey(room),
    // the counter lives as long as the room is used: an idle room's log and counter expire together
    UpdateExpression: 'ADD #last :one SET #ttl = :ttl',
    ExpressionAttributeNames: { '#last': 'last', '#ttl': 'ttl' },
    ExpressionAttributeValues: { ':one': { N: '1' }, ':ttl': expiry(nowMs, RETENTION_SECONDS) },
    ReturnValues: 'UPDATED_NEW',
  }));
  return Number(counter.Attributes.last.N);
}

/** Writes message `seq` unless it exists (a retry repairing its own earlier attempt is harmless). */
async function putOnce(dynamo, room, seq, fields, nowMs) {
  try {
    await dynamo.send(new PutItemCommand({
      TableName: table(),
      Item: { stream: { S: streamOf(room) }, seq: { N: String(seq) }, ...fields,
        publishedAt: { N: String(nowMs) }, ttl: expiry(nowMs, RETENTION_SECONDS) },
      ConditionExpression: 'attribute_not_exists(seq)',
    }));
  } catch (err) {
    if (err.name !== 'ConditionalCheckFailedException') throw err;
  }
}

/**
 * Stores data as the room's next message and returns {seq, data, publishedAt, duplicate}.
 * With a messageId (SNS), a second append of the same id returns the first one's seq, and
 * writes the message if the first attempt died between taking the seq and writing it;
 * `pushed` says whether an earlier attempt already reached the WebSockets (the concurrent
 * twin that lost the race leaves pushing to the winner).
 */
async function append(dynamo, room, data, { messageId = null, nowMs = Date.now() } = {}) {
  if (messageId) {
    const seen = await dynamo.send(new GetItemCommand({ TableName: table(), Key: dedupeKey(messageId), ConsistentRead: true }));
    if (seen.Item && seen.Item.taken) {
      const seq = Number(seen.Item.taken.N);
      await putOnce(dynamo, room, seq, { data: { S: data } }, nowMs);
      return { seq, data, publishedAt: nowMs, duplicate: true, pushed: !!(seen.Item.pushed && seen.Item.pushed.BOOL) };
    }
  }
  const seq = await nextSeq(dynamo, room, nowMs);
  if (messageId) {
    try {
      await dynamo.send(new UpdateItemCommand({
        TableName: table(), Key: dedupeKey(messageId),
        UpdateExpression: 'SET taken = :seq, #ttl = :ttl',
        ConditionExpression: 'attribute_not_exists(taken)',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':seq': { N: String(seq) }, ':ttl': expiry(nowMs, DEDUPE_SECONDS) },
      }));
    } catch (err) {
      if (err.name !== 'ConditionalCheckFailedException') throw err;
      // The same message delivered twice at once, and the other delivery won: our seq becomes
      // a skip marker, so pollers move past it instead of waiting for a hole to fill.
      await putOnce(dynamo, room, seq, { skip: { BOOL: true } }, nowMs);
      const won = await dynamo.send(new GetItemCommand({ TableName: table(), Key: dedupeKey(messageId), ConsistentRead: true }));
      return { seq: Number(won.Item.taken.N), data, publishedAt: nowMs, duplicate: true, pushed: true };
    }
  }
  await putOnce(dynamo, room, seq, { data: { S: data } }, nowMs);
  return { seq, data, publishedAt: nowMs, duplicate: false, pushed: false };
}

/** Notes that an SNS message reached its room's WebSockets, so a retry does not push it twice. */
async function markPushed(dynamo, messageId) {
  await dynamo.send(new UpdateItemCommand({
    TableName: table(), Key: dedupeKey(messageId), UpdateExpression: 'SET pushed = :t',
    ExpressionAttributeValues: { ':t': { BOOL: true } },
  }));
}

/** The room's last seq handed out (0 before its first message): where a poll without a cursor starts. */
async function head(dynamo, room) {
  const r = await dynamo.send(new GetItemCommand({ TableName: table(), Key: counterKey(room), ConsistentRead: true }));
  return r.Item && r.Item.last ? Number(r.Item.last.N) : 0;
}

/**
 * The room's messages after cursor, as {cursor, messages, gap}: the poll API's answer. A
 * message whose predecessor is not written yet waits for it (a concurrent append), unless it
 * is older than HOLE_PATIENCE_MS, then the hole is reported as a gap. Skip markers advance
 * the cursor and are not messages.
 */
async function after(dynamo, room, cursor, nowMs = Date.now()) {
  const r = await dynamo.send(new QueryCommand({
    TableName: table(),
    KeyConditionExpression: '#s = :s AND seq > :c',
    ExpressionAttributeNames: { '#s': 'stream' },
    ExpressionAttributeValues: { ':s': { S: streamOf(room) }, ':c': { N: String(cursor) } },
    ConsistentRead: true,
    Limit: MAX_PER_ANSWER,
  }));
  const items = (r.Items || []).map((i) => ({
    seq: Number(i.seq.N), data: i.data ? i.data.S : null, skip: !!(i.skip && i.skip.BOOL), publishedAt: Number(i.publishedAt.N),
  }));
  if (items.length === 0) return { cursor, messages: [], gap: false };
  let gap = false;
  if (items[0].seq !== cursor + 1) {
    if (nowMs - items[0].publishedAt < HOLE_PATIENCE_MS) return { cursor, messages: [], gap: false };
    gap = true;
  }
  let last = items[0].seq;
  for (let i = 1; i < items.length && items[i].seq === last + 1; i++) last = items[i].seq;
  const messages = items.filter((m) => m.seq <= last && !m.skip)
    .map((m) => ({ seq: m.seq, data: m.data, publishedAt: m.publishedAt }));
  return { cursor: last, messages, gap };
}

module.exports = { append, markPushed, head, after, streamOf, RETENTION_SECONDS, DEDUPE_SECONDS, HOLE_PATIENCE_MS };
