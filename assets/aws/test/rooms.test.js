'use strict';
// The WebSocket, SNS and poll handlers against a real DynamoDB-compatible engine (dynalite):
// rooms (ROOMS.md), the 410 grace period, the idempotent SNS append, stale-id clean-up.
const test = require('node:test');
const assert = require('node:assert/strict');
const { GetItemCommand, UpdateItemCommand } = require('@aws-sdk/client-dynamodb');
const { startDynamo, fakeConnections } = require('./dynalite');

process.env.AWS_REGION = 'eu-west-1';
const { connect } = require('../functions/connect');
const { disconnect } = require('../functions/disconnect');
const { sendMessage } = require('../functions/sendmessage');
const { onSns } = require('../functions/sns');
const { poll } = require('../functions/poll');
const connections = require('../functions/lib/connections');
const messages = require('../functions/lib/messages');

let db;
test.before(async () => { db = await startDynamo(); });
test.after(async () => { await db.stop(); });

let n = 0;
/** A fresh room name per test, so tests sharing the engine never see each other. */
const fresh = (label) => `${label}-${++n}`;

async function join(id, room, nowMs) {
  const query = room === undefined ? {} : { room };
  const r = await connect({ requestContext: { connectionId: id }, queryStringParameters: query }, db.dynamo, '');
  assert.equal(r.statusCode, 200, r.body);
  if (nowMs !== undefined) {
    // as if the row had been written at nowMs
    await db.dynamo.send(new UpdateItemCommand({ TableName: 'connections', Key: { connectionId: { S: id } },
      UpdateExpression: 'SET connectedAt = :t', ExpressionAttributeValues: { ':t': { N: String(nowMs) } } }));
  }
}

function snsRecord(message, room, messageId = `m-${++n}`) {
  const attrs = room === undefined ? {} : { room: { Type: 'String', Value: room } };
  return { Sns: { MessageId: messageId, Message: message, MessageAttributes: attrs } };
}

async function stored(id) {
  const r = await db.dynamo.send(new GetItemCommand({ TableName: 'connections', Key: { connectionId: { S: id } } }));
  return r.Item || null;
}

async function pollRoom(room, cursor) {
  const query = { cursor: String(cursor) };
  if (room !== undefined) query.room = room;
  const r = await poll({ queryStringParameters: query }, db.dynamo);
  return { status: r.statusCode, ...JSON.parse(r.body) };
}

test('a message published to one room reaches that room only, on WebSockets and in its poll log', async () => {
  const a = fresh('a');
  const b = fresh('b');
  await join('a1', a);
  await join('a2', a);
  await join('b1', b);
  const manager = fakeConnections();
  await onSns({ Records: [snsRecord('for a', a)] }, db.dynamo, manager);
  assert.deepEqual([...manager.received.keys()].sort(), ['a1', 'a2']);
  assert.deepEqual(manager.received.get('a1'), ['for a']);
  const inA = await pollRoom(a, 0);
  const inB = await pollRoom(b, 0);
  assert.deepEqual(inA.messages.map((m) => [m.seq, m.data]), [[1, 'for a']]);
  assert.deepEqual(inB.messages, []);
  assert.equal(inB.cursor, 0, "room B's cursor is its own: A's message took no seq of B's");
});

test('sendmessage reaches every connection of the sender\'s room, the sender too, and no other room', async () => {
  const a = fresh('chat');
  await join('s1', a);
  await join('s2', a);
  await join('other', fresh('elsewhere'));
  const manager = fakeConnections();
  const r = await sendMessage({ requestContext: { connectionId: 's1' }, body: '{"action":"sendmessage","data":"hi"}' },
    db.dynamo, manager);
  assert.equal(r.statusCode, 200);
  assert.deepEqual([...manager.received.keys()].sort(), ['s1', 's2']);
  assert.equal((await pollRoom(a, 0)).messages[0].data, 'hi');
});

test('no room means the room `default`, for WebSocket, SNS and poll alike (the chat sample unchanged)', async () => {
  await join('plain1');
  assert.equal((await stored('plain1')).room.S, 'default');
  const manager = fakeConnections();
  const before = (await pollRoom(undefined, 0)).cursor;
  await onSns({ Records: [snsRecord('to default', undefined)] }, db.dynamo, manager);
  assert.ok(manager.received.get('plain1').includes('to default'));
  const after = await pollRoom('default', before);
  assert.deepEqual(after.messages.map((m) => m.data), ['to default']);
  await disconnect({ requestContext: { connectionId: 'plain1' } }, db.dynamo);
});

test('an invalid room is refused with 400 and the contract\'s message, before anything is stored', async () => {
  for (const [room, reason] of [['', /empty/], ['x'.repeat(65), /64/], ['a b', /letters, digits/], ['é', /letters, digits/]]) {
    const r = await connect({ requestContext: { connectionId: 'bad' }, queryStringParameters: { room } }, db.dynamo, '');
    assert.equal(r.statusCode, 400);
    const body = JSON.parse(r.body);
    assert.match(body.message, /^Invalid room: /);
    assert.match(body.message, reason);
    const p = await poll({ queryStringParameters: { room } }, db.dynamo);
    assert.equal(p.statusCode, 400);
    assert.match(JSON.parse(p.body).message, /^Invalid room: /);
  }
  assert.equal(await stored('bad'), null);
  const ok = await connect({ requestContext: { connectionId: 'ok64' }, queryStringParameters: { room: 'A_z-9'.repeat(12) + 'abcd' } }, db.dynamo, '');
  assert.equal(ok.statusCode, 200, '64 characters of the alphabet is a room');
});

test('an SNS message with an invalid room attribute is dropped, not retried, and reaches no room', async () => {
  await join('watch', 'default');
  const manager = fakeConnections();
  await onSns({ Records: [snsRecord('bad room', 'no spaces allowed'),
    { Sns: { MessageId: 'num', Message: 'numeric', MessageAttributes: { room: { Type: 'Number', Value: '7' } } } }] },
  db.dynamo, manager);
  assert.equal(manager.received.size, 0);
});

test('a 410 from a connection younger than the grace period keeps its row; an old one is deleted', async () => {
  const room = fresh('grace');
  const now = Date.now();
  await join('upgrading', room, now - 1000); // $connect wrote it a second ago: the upgrade may still be pending
  await join('stale', room, now - connections.GONE_GRACE_MS - 1000);
  await join('fine', room, now - 60000);
  const manager = fakeConnections({ gone: ['upgrading', 'stale'] });
  await onSns({ Records: [snsRecord('x', room)] }, db.dynamo, manager);
  assert.notEqual(await stored('upgrading'), null, 'a young row survives its 410');
  assert.equal(await stored('stale'), null, 'an old row that answers 410 is removed');
  assert.notEqual(await stored('fine'), null);
  assert.deepEqual(manager.received.get('fine'), ['x']);
  // once the upgrade has completed the young connection receives the next message
  manager.gone.delete('upgrading');
  await onSns({ Records: [snsRecord('y', room)] }, db.dynamo, manager);
  assert.deepEqual(manager.received.get('upgrading'), ['y']);
});

test('the age check is atomic: a row rewritten since the broadcast read it is not removed by an old 410', async () => {
  await join('rejoined', fresh('r'), Date.now() - 120000);
  await join('rejoined', fresh('r2')); // written again just now
  assert.equal(await connections.removeGone(db.dynamo, 'rejoined'), false);
  assert.notEqual(await stored('rejoined'), null);
});

test('an SNS message delivered twice (a Lambda retry) is appended and pushed once', async () => {
  const room = fresh('retry');
  await join('r1', room);
  const manager = fakeConnections();
  const record = snsRecord('once', room, 'same-message-id');
  await onSns({ Records: [record] }, db.dynamo, manager);
  await onSns({ Records: [record] }, db.dynamo, manager);
  const log = await pollRoom(room, 0);
  assert.deepEqual(log.messages.map((m) => [m.seq, m.data]), [[1, 'once']]);
  assert.deepEqual(manager.received.get('r1'), ['once']);
  const other = snsRecord('next', room);
  await onSns({ Records: [other] }, db.dynamo, manager);
  assert.deepEqual((await pollRoom(room, 0)).messages.map((m) => m.seq), [1, 2], 'no hole, no second copy');
});

test('a retry after a failure between the append and the push pushes it then, still once in the log', async () => {
  const room = fresh('crash');
  await join('c1', room);
  // the first attempt appended, then died before pushing (e.g. the function timed out)
  await messages.append(db.dynamo, room, 'late', { messageId: 'crashed-id' });
  const manager = fakeConnections();
  await onSns({ Records: [snsRecord('late', room, 'crashed-id')] }, db.dynamo, manager);
  assert.deepEqual(manager.received.get('c1'), ['late']);
  assert.deepEqual((await pollRoom(room, 0)).messages.map((m) => m.data), ['late']);
});

test('the same message id appended twice at once takes one seq; the loser\'s seq is skipped, not a hole', async () => {
  const room = fresh('race');
  const [x, y] = await Promise.all([
    messages.append(db.dynamo, room, 'twin', { messageId: 'twin-id' }),
    messages.append(db.dynamo, room, 'twin', { messageId: 'twin-id' }),
  ]);
  assert.equal(x.seq, y.seq);
  await messages.append(db.dynamo, room, 'after');
  const log = await pollRoom(room, 0);
  assert.deepEqual(log.messages.map((m) => m.data), ['twin', 'after']);
  assert.equal(log.gap, false);
});

test('other failures are counted and keep their row; the rest still receive the message', async () => {
  const room = fresh('fail');
  await join('ok1', room);
  await join('busy', room, Date.now() - 120000);
  const manager = fakeConnections({ failing: ['busy'] });
  const r = await connections.broadcast(db.dynamo, manager, await connections.inRoom(db.dynamo, room), 'm');
  assert.equal(r.sent, 1);
  assert.deepEqual(r.failed, ['busy']);
  assert.notEqual(await stored('busy'), null);
});

test('sends run concurrently, never more than the bound at once', async () => {
  const manager = fakeConnections();
  const ids = Array.from({ length: 20 }, (_, i) => `id${i}`);
  const r = await connections.broadcast(db.dynamo, manager, ids, 'm', 4);
  assert.equal(r.sent, 20);
  assert.equal(manager.most, 4);
});

test('a room spread over several index pages is read to its last page', async () => {
  const room = fresh('big');
  for (let i = 0; i < 25; i++) await join(`big-${i}`, room);
  const found = await connections.inRoom(db.dynamo, room, 7);
  assert.equal(new Set(found).size, 25);
});

test('without a token parameter every connection is accepted and stored with a TTL past the 2 hours', async () => {
  await join('c-ttl', fresh('t'));
  assert.ok(Number((await stored('c-ttl')).ttl.N) > Date.now() / 1000 + 7200);
});

test('with a token: missing is 401, wrong is 403, right connects', async () => {
  const ev = (id, query) => ({ requestContext: { connectionId: id }, queryStringParameters: query });
  assert.equal((await connect(ev('t1', {}), db.dynamo, 's3cret')).statusCode, 401);
  assert.equal((await connect(ev('t2', { token: 'nope' }), db.dynamo, 's3cret')).statusCode, 403);
  assert.equal(await stored('t1'), null);
  assert.equal(await stored('t2'), null);
  assert.equal((await connect(ev('t3', { token: 's3cret', room: 'x' }), db.dynamo, 's3cret')).statusCode, 200);
  assert.equal((await stored('t3')).room.S, 'x');
});

test('$disconnect deletes its own connection only', async () => {
  const room = fresh('bye');
  await join('bye1', room);
  await join('bye2', room);
  await disconnect({ requestContext: { connectionId: 'bye1' } }, db.dynamo);
  assert.equal(await stored('bye1'), null);
  assert.notEqual(await stored('bye2'), null);
});

test('every handler is an async function (Node.js 24 has no callback handlers)', () => {
  for (const m of ['connect', 'disconnect', 'sendmessage', 'sns', 'poll', 'invoke']) {
    const h = require(`../functions/${m}`).handler;
    assert.equal(h.constructor.name, 'AsyncFunction', m);
    assert.ok(h.length <= 2, `${m} takes a callback parameter`);
  }
});

test('sendmessage from a connection whose row is gone is dropped rather than sent to a guessed room', async () => {
  const manager = fakeConnections();
  const r = await sendMessage({ requestContext: { connectionId: 'ghost' }, body: '{"action":"sendmessage","data":"?"}' },
    db.dynamo, manager);
  assert.equal(r.statusCode, 410);
  assert.equal(manager.received.size, 0);
});
