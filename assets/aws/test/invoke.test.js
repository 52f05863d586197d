'use strict';
// POST /invoke against a real PostgreSQL with a small max_connections: a pool of one per
// execution environment against a connection per call (FACTS 63, 67).
const test = require('node:test');
const assert = require('node:assert/strict');
const { Client } = require('pg');
const postgres = require('./postgres');
const { createInvoker } = require('../functions/invoke');

const MAX_CONNECTIONS = 6; // one kept for the superuser: 5 for the lab user

let server;
const environments = [];

function cfg() {
  return { mode: 'existing', host: server.host, proxyHost: null, port: server.port, database: 'postgres',
    user: 'lab', password: 'lab', ssl: false };
}

function env() {
  const e = createInvoker(cfg());
  environments.push(e);
  return e;
}

async function call(e, mode, extra = {}) {
  const r = await e.invoke({ queryStringParameters: { mode, ...extra } });
  return { status: r.statusCode, ...JSON.parse(r.body) };
}

async function labConnections() {
  const c = new Client({ host: server.host, port: server.port, user: server.adminUser, database: 'postgres' });
  await c.connect();
  try {
    const r = await c.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = 'lab'");
    return r.rows[0].n;
  } finally {
    await c.end();
  }
}

test.before(async () => {
  server = await postgres.start({ maxConnections: MAX_CONNECTIONS });
  if (!server) return;
  const c = new Client({ host: server.host, port: server.port, user: server.adminUser, database: 'postgres' });
  await c.connect();
  await c.query("CREATE ROLE lab LOGIN PASSWORD 'lab'");
  await c.end();
});

test.after(async () => {
  await Promise.all(environments.map((e) => e.close()));
  if (server) server.stop();
});

/** A backend leaves pg_stat_activity a moment after its client has hung up: wait for it, bounded. */
async function labConnectionsSettleAt(expected) {
  const deadline = Date.now() + 5000;
  let n = await labConnections();
  while (n !== expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    n = await labConnections();
  }
  return n;
}

test.afterEach(async () => {
  await Promise.all(environments.splice(0).map((e) => e.close()));
  if (server) assert.equal(await labConnectionsSettleAt(0), 0, 'every test ends with no lab connection left');
});

test('pooled: each environment opens one connection on its cold start and reuses it', async (t) => {
  if (!server) return t.skip('no PostgreSQL (initdb/pg_ctl) on this machine');
  const envs = [env(), env(), env()];
  const answers = await Promise.all(envs.map(async (e) => {
    const out = [];
    for (let i = 0; i < 5; i++) out.push(await call(e, 'pooled'));
    return out;
  }));
  for (const list of answers) {
    assert.ok(list.every((a) => a.status === 200 && !a.error), JSON.stringify(list));
    assert.equal(list[0].coldStart, true);
    assert.ok(list.slice(1).every((a) => !a.coldStart && a.container === list[0].container));
    assert.ok(list.every((a) => a.dbMaxConnections === MAX_CONNECTIONS && a.dbConnections <= 3));
  }
  assert.equal(await labConnections(), 3, 'three environments keep three connections open between calls');
});

test('unpooled: every call opens and closes its own connection', async (t) => {
  if (!server) return t.skip('no PostgreSQL (initdb/pg_ctl) on this machine');
  const e = env();
  for (let i = 0; i < 4; i++) {
    const a = await call(e, 'unpooled');
    assert.equal(a.status, 200, JSON.stringify(a));
    assert.ok(a.dbConnections >= 1, 'its own connection is counted');
    assert.ok(a.connectMs > 0);
  }
  assert.equal(await labConnectionsSettleAt(0), 0, 'nothing stays open between unpooled calls');
});

test('environments x pool size fill max_connections: the next connection is refused with 53300', async (t) => {
  if (!server) return t.skip('no PostgreSQL (initdb/pg_ctl) on this machine');
  const envs = Array.from({ length: MAX_CONNECTIONS - 1 }, () => env());
  const held = await Promise.all(envs.map((e) => call(e, 'pooled')));
  assert.ok(held.every((a) => a.status === 200), JSON.stringify(held));
  const refused = await call(env(), 'unpooled');
  assert.equal(refused.status, 500);
  assert.equal(refused.errorCode, '53300');
  assert.match(refused.error, /connection slots are reserved|too many clients/);
  const again = await call(envs[0], 'pooled');
  assert.equal(again.status, 200, 'a warm pooled environment keeps working: its connection is already open');
});

test('a kept connection the server dropped is replaced on the next call, not reported as a failure', async (t) => {
  if (!server) return t.skip('no PostgreSQL (initdb/pg_ctl) on this machine');
  const e = env();
  assert.equal((await call(e, 'pooled')).status, 200);
  const admin = new Client({ host: server.host, port: server.port, user: server.adminUser, database: 'postgres' });
  await admin.connect();
  await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'lab'");
  await admin.end();
  await labConnectionsSettleAt(0);
  const after = await call(e, 'pooled');
  assert.equal(after.status, 200, JSON.stringify(after));
  assert.equal(after.coldStart, false);
});

test('sleepMs keeps the connection busy like a slow function; a bad one is a 400', async (t) => {
  if (!server) return t.skip('no PostgreSQL (initdb/pg_ctl) on this machine');
  const e = env();
  const slow = await call(e, 'pooled', { sleepMs: '300' });
  assert.equal(slow.status, 200, JSON.stringify(slow));
  assert.ok(slow.totalMs >= 300, `totalMs ${slow.totalMs}`);
  const bad = await call(e, 'pooled', { sleepMs: '-1' });
  assert.equal(bad.status, 400);
  assert.match(bad.message, /sleepMs must be a whole number of milliseconds, 0..20000/);
});

test('without a database /invoke says so plainly', async () => {
  const e = createInvoker(null);
  const a = await call(e, 'pooled');
  assert.equal(a.status, 503);
  assert.equal(a.errorCode, 'NoDatabase');
  assert.match(a.error, /no database.*DatabaseMode/);
});

test('proxy mode without an RDS Proxy and an unknown mode get clear answers', async (t) => {
  if (!server) return t.skip('no PostgreSQL (initdb/pg_ctl) on this machine');
  const e = env();
  const proxy = await call(e, 'proxy');
  assert.equal(proxy.status, 503);
  assert.equal(proxy.errorCode, 'NoProxy');
  const bad = await call(e, 'shared');
  assert.equal(bad.status, 400);
  assert.match(bad.message, /must be pooled, unpooled or proxy/);
});

test('the hold is one plain SQL string (simple protocol: no Parse/Bind that pins an RDS Proxy session)', () => {
  const { sleepQuery } = require('../functions/invoke');
  assert.equal(sleepQuery(300), 'SELECT pg_sleep(0.300)');
  assert.equal(sleepQuery(20000), 'SELECT pg_sleep(20.000)');
  for (const bad of [-1, 1.5, 20001, '5; DROP TABLE x', NaN]) assert.throws(() => sleepQuery(bad), RangeError);
});
