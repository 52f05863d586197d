'use strict';
// GET /poll against a real DynamoDB-compatible engine (dynalite) and a fake clock: cursor reads,
// gap, the 25 s hold, rooms' own cursors. Each test writes its log into a room of its own.
const test = require('node:test');
const assert = require('node:assert/strict');
const { PutItemCommand } = require('@aws-sdk/client-dynamodb');
const { startDynamo } = require('./dynalite');

process.env.AWS_REGION = 'eu-west-1';
const { poll, MAX_HOLD_MS } = require('../functions/poll');
const { streamOf } = require('../functions/lib/messages');

let db;
let dynamo;
test.before(async () => { db = await startDynamo(); dynamo = db.dynamo; });
test.after(async () => { await db.stop(); });

let rooms = 0;
let room;
test.beforeEach(() => { room = `poll-${++rooms}`; });

/** Writes messages into the test's room as the append does: items seq 1.., the counter at seq 0. */
async function log(messages) {
  for (const m of messages) await put(m);
}

async function put(m) {
  await dynamo.send(new PutItemCommand({ TableName: 'messages', Item: {
    stream: { S: streamOf(room) }, seq: { N: String(m.seq) }, data: { S: m.data }, publishedAt: { N: String(m.publishedAt) } } }));
  await dynamo.send(new PutItemCommand({ TableName: 'messages', Item: {
    stream: { S: streamOf(room) }, seq: { N: '0' }, last: { N: String(m.seq) } } }));
}

/** The handler with the test's room added to the query. */
const pollRoom = (query, time) => poll({ queryStringParameters: { room, ...query } }, dynamo, time);

/** A clock that only moves when the handler sleeps, with optional (async) actions at given times. */
function fakeTime(at = {}) {
  let now = 1_000_000;
  const start = now;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
      for (const [t, act] of Object.entries(at)) if (now - start >= Number(t)) { delete at[t]; await act(); }
    },
    elapsed: () => now - start,
  };
}

const old = 1;

test('messages after the cursor come back at once in the mock\'s JSON shape', async () => {
  await log([{ seq: 1, data: 'a', publishedAt: old }, { seq: 2, data: 'b', publishedAt: old }, { seq: 3, data: 'c', publishedAt: old }]);
  const time = fakeTime();
  const r = await pollRoom({ cursor: '1', wait: '20' }, time);
  assert.equal(r.statusCode, 200);
  assert.deepEqual(JSON.parse(r.body), {
    cursor: 3, messages: [{ seq: 2, data: 'b', publishedAt: old }, { seq: 3, data: 'c', publishedAt: old }], gap: false,
  });
  assert.equal(time.elapsed(), 0);
});

test('no cursor starts from now: an empty short poll answers with the head as cursor', async () => {
  await log([{ seq: 1, data: 'a', publishedAt: old }, { seq: 2, data: 'b', publishedAt: old }]);
  const r = await pollRoom({}, fakeTime());
  assert.deepEqual(JSON.parse(r.body), { cursor: 2, messages: [], gap: false });
});

test('a cursor behind the retained messages gets gap: true', async () => {
  await log([{ seq: 5, data: 'e', publishedAt: old }, { seq: 6, data: 'f', publishedAt: old }]);
  const r = JSON.parse((await pollRoom({ cursor: '2' }, fakeTime())).body);
  assert.equal(r.gap, true);
  assert.equal(r.cursor, 6);
  assert.deepEqual(r.messages.map((m) => m.seq), [5, 6]);
});

test('a cursor past the head is answered at once with the head and gap: true, as the mock does', async () => {
  await log([{ seq: 1, data: 'a', publishedAt: old }, { seq: 2, data: 'b', publishedAt: old }]);
  const time = fakeTime();
  const r = JSON.parse((await pollRoom({ cursor: '99', wait: '20' }, time)).body);
  assert.deepEqual(r, { cursor: 2, messages: [], gap: true });
  assert.equal(time.elapsed(), 0);
});

test('a long poll is answered when a message arrives during the hold', async () => {
  const time = fakeTime({ 3000: () => put({ seq: 1, data: 'late', publishedAt: time.now() }) });
  const r = JSON.parse((await pollRoom({ cursor: '0', wait: '20' }, time)).body);
  assert.deepEqual(r.messages.map((m) => m.data), ['late']);
  assert.ok(time.elapsed() >= 3000 && time.elapsed() < 3500, `answered after ${time.elapsed()} ms`);
});

test('a wait past the HTTP API timeout is held 25 s at most, then answered empty (not a 504)', async () => {
  const time = fakeTime();
  const r = await pollRoom({ cursor: '0', wait: '60' }, time);
  assert.equal(r.statusCode, 200);
  assert.deepEqual(JSON.parse(r.body), { cursor: 0, messages: [], gap: false });
  assert.equal(time.elapsed(), MAX_HOLD_MS);
  assert.equal(MAX_HOLD_MS, 25000);
});

test('a hole left by an append still in flight is waited for, not skipped', async () => {
  const time = fakeTime({ 400: () => put({ seq: 1, data: 'first', publishedAt: time.now() }) });
  await put({ seq: 2, data: 'second', publishedAt: time.now() });
  const r = JSON.parse((await pollRoom({ cursor: '0', wait: '5' }, time)).body);
  assert.deepEqual(r.messages.map((m) => m.data), ['first', 'second']);
  assert.equal(r.gap, false);
});

test('bad parameters get the mock\'s 400 messages', async () => {
  const bad = await pollRoom({ cursor: '-1' }, fakeTime());
  assert.equal(bad.statusCode, 400);
  assert.match(JSON.parse(bad.body).message, /Invalid query parameter 'cursor' \('-1'\): must be a non-negative integer/);
  const wait = await pollRoom({ cursor: '0', wait: '901' }, fakeTime());
  assert.match(JSON.parse(wait.body).message, /'wait' \('901'\): must be a number of seconds from 0 to 900/);
});

test('cursors are per room: another room\'s messages neither answer a poll nor move its cursor', async () => {
  await log([{ seq: 1, data: 'mine', publishedAt: old }]);
  const mine = room;
  room = `${mine}-other`;
  await log([{ seq: 1, data: 'x', publishedAt: old }, { seq: 2, data: 'y', publishedAt: old }, { seq: 3, data: 'z', publishedAt: old }]);
  room = mine;
  const r = JSON.parse((await pollRoom({ cursor: '1', wait: '1' }, fakeTime())).body);
  assert.deepEqual(r, { cursor: 1, messages: [], gap: false });
  assert.deepEqual(JSON.parse((await pollRoom({ cursor: '0' }, fakeTime())).body).messages.map((m) => m.data), ['mine']);
});
