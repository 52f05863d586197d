'use strict';
// GET /poll with faked DynamoDB and a fake clock: cursor reads, gap, and the 25 s hold.
const test = require('node:test');
const assert = require('node:assert/strict');
const { mockClient } = require('aws-sdk-client-mock');
const { DynamoDBClient, QueryCommand, GetItemCommand } = require('@aws-sdk/client-dynamodb');

process.env.AWS_REGION = 'eu-west-1';
process.env.MESSAGES_TABLE = 'messages';
const { poll, MAX_HOLD_MS } = require('../functions/poll');

const ddbMock = mockClient(DynamoDBClient);
const dynamo = new DynamoDBClient({});

/** A log held in memory, answered the way DynamoDB answers the handler's Query. */
function log(messages) {
  ddbMock.on(QueryCommand).callsFake((input) => {
    const after = Number(input.ExpressionAttributeValues[':c'].N);
    const items = messages.filter((m) => m.seq > after).slice(0, input.Limit)
      .map((m) => ({ seq: { N: String(m.seq) }, data: { S: m.data }, publishedAt: { N: String(m.publishedAt) } }));
    return { Items: items };
  });
  ddbMock.on(GetItemCommand).callsFake(() => ({
    Item: { last: { N: String(messages.length ? messages[messages.length - 1].seq : 0) } },
  }));
}

/** A clock that only moves when the handler sleeps, with an optional action at a given time. */
function fakeTime(at = {}) {
  let now = 1_000_000;
  const start = now;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
      for (const [t, act] of Object.entries(at)) if (now - start >= Number(t)) { act(); delete at[t]; }
    },
    elapsed: () => now - start,
  };
}

const old = 1;
test.beforeEach(() => ddbMock.reset());

test('messages after the cursor come back at once in the mock\'s JSON shape', async () => {
  log([{ seq: 1, data: 'a', publishedAt: old }, { seq: 2, data: 'b', publishedAt: old }, { seq: 3, data: 'c', publishedAt: old }]);
  const time = fakeTime();
  const r = await poll({ queryStringParameters: { cursor: '1', wait: '20' } }, dynamo, time);
  assert.equal(r.statusCode, 200);
  assert.deepEqual(JSON.parse(r.body), {
    cursor: 3, messages: [{ seq: 2, data: 'b', publishedAt: old }, { seq: 3, data: 'c', publishedAt: old }], gap: false,
  });
  assert.equal(time.elapsed(), 0);
});

test('no cursor starts from now: an empty short poll answers with the head as cursor', async () => {
  log([{ seq: 1, data: 'a', publishedAt: old }, { seq: 2, data: 'b', publishedAt: old }]);
  const r = await poll({ queryStringParameters: {} }, dynamo, fakeTime());
  assert.deepEqual(JSON.parse(r.body), { cursor: 2, messages: [], gap: false });
});

test('a cursor behind the retained messages gets gap: true', async () => {
  log([{ seq: 5, data: 'e', publishedAt: old }, { seq: 6, data: 'f', publishedAt: old }]);
  const r = JSON.parse((await poll({ queryStringParameters: { cursor: '2' } }, dynamo, fakeTime())).body);
  assert.equal(r.gap, true);
  assert.equal(r.cursor, 6);
  assert.deepEqual(r.messages.map((m) => m.seq), [5, 6]);
});

test('a cursor past the head is answered at once with the head and gap: true, as the mock does', async () => {
  log([{ seq: 1, data: 'a', publishedAt: old }, { seq: 2, data: 'b', publishedAt: old }]);
  const time = fakeTime();
  const r = JSON.parse((await poll({ queryStringParameters: { cursor: '99', wait: '20' } }, dynamo, time)).body);
  assert.deepEqual(r, { cursor: 2, messages: [], gap: true });
  assert.equal(time.elapsed(), 0);
});

test('a long poll is answered when a message arrives during the hold', async () => {
  const messages = [];
  log(messages);
  const time = fakeTime({ 3000: () => messages.push({ seq: 1, data: 'late', publishedAt: time.now() }) });
  const r = JSON.parse((await poll({ queryStringParameters: { cursor: '0', wait: '20' } }, dynamo, time)).body);
  assert.deepEqual(r.messages.map((m) => m.data), ['late']);
  assert.ok(time.elapsed() >= 3000 && time.elapsed() < 3500, `answered after ${time.elapsed()} ms`);
});

test('a wait past the HTTP API timeout is held 25 s at most, then answered empty (not a 504)', async () => {
  log([]);
  const time = fakeTime();
  const r = await poll({ queryStringParameters: { cursor: '0', wait: '60' } }, dynamo, time);
  assert.equal(r.statusCode, 200);
  assert.deepEqual(JSON.parse(r.body), { cursor: 0, messages: [], gap: false });
  assert.equal(time.elapsed(), MAX_HOLD_MS);
  assert.equal(MAX_HOLD_MS, 25000);
});

test('a hole left by an append still in flight is waited for, not skipped', async () => {
  const messages = [];
  log(messages);
  const time = fakeTime({ 400: () => messages.splice(0, 0, { seq: 1, data: 'first', publishedAt: time.now() }) });
  messages.push({ seq: 2, data: 'second', publishedAt: time.now() });
  const r = JSON.parse((await poll({ queryStringParameters: { cursor: '0', wait: '5' } }, dynamo, time)).body);
  assert.deepEqual(r.messages.map((m) => m.data), ['first', 'second']);
  assert.equal(r.gap, false);
});

test('bad parameters get the mock\'s 400 messages', async () => {
  log([]);
  const bad = await poll({ queryStringParameters: { cursor: '-1' } }, dynamo, fakeTime());
  assert.equal(bad.statusCode, 400);
  assert.match(JSON.parse(bad.body).message, /Invalid query parameter 'cursor' \('-1'\): must be a non-negative integer/);
  const wait = await poll({ queryStringParameters: { cursor: '0', wait: '901' } }, dynamo, fakeTime());
  assert.match(JSON.parse(wait.body).message, /'wait' \('901'\): must be a number of seconds from 0 to 900/);
});
