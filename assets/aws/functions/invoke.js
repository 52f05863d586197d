'use strict';
// POST /invoke?mode=pooled|unpooled|proxy: the pooling lesson on a real PostgreSQL.
//   pooled   - a pool of one, made outside the handler, reused while the environment lives;
//   unpooled - a new connection opened and closed on every call;
//   proxy    - a pool of one to RDS Proxy, which multiplexes onto its own DB connections.
// The answer has the mock's fields: mode, container, coldStart, initMs, connectMs, queryMs,
// totalMs, dbConnections, dbMaxConnections, and error/errorCode (53300 = too many clients).
const crypto = require('crypto');
const database = require('./lib/database');

const MODES = ['pooled', 'unpooled', 'proxy'];
/** sleepMs keeps the connection busy, as a slow function would; bounded well inside the 25 s function timeout. */
const MAX_SLEEP_MS = 20000;
const QUERY = "SELECT count(*)::int AS n, current_setting('max_connections')::int AS max "
  + "FROM pg_stat_activity WHERE backend_type = 'client backend'";

/**
 * The hold as one plain SQL string. node-postgres sends a query with values through the
 * extended protocol (Parse/Bind), which pins the session on RDS Proxy (its pinning page lists
 * "the PostgreSQL extended query protocol"); a string alone goes as a simple Query message.
 * sleepMs is checked to be a whole number first, so nothing else can reach the text.
 */
function sleepQuery(sleepMs) {
  if (!Number.isInteger(sleepMs) || sleepMs < 0 || sleepMs > MAX_SLEEP_MS) throw new RangeError(`sleepMs ${sleepMs}`);
  return `SELECT pg_sleep(${(sleepMs / 1000).toFixed(3)})`;
}

/** No SQLSTATE (a socket error), or class 08 (connection exception) / 57 (e.g. the server shut the session). */
function connectionLost(err) {
  const code = err.code || '';
  return !/^[0-9A-Z]{5}$/.test(code) || code.startsWith('08') || code.startsWith('57');
}

function answer(status, body) {
  return { statusCode: status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** One execution environment's state: what code outside the handler makes once. */
function createInvoker(cfg = database.config()) {
  const container = crypto.randomBytes(4).toString('hex');
  let cold = true;
  let initMs = null;
  const pg = cfg ? require('pg') : null; // only a stack with a database needs the client
  const pools = {};

  async function connectionSettings(host) {
    const c = await database.credentials(cfg);
    return { host, port: cfg.port, database: cfg.database, user: c.user, password: c.password, ssl: cfg.ssl,
      connectionTimeoutMillis: 5000, keepAlive: true };
  }

  async function poolFor(mode) {
    if (!pools[mode]) {
      const p = new pg.Pool({ ...(await connectionSettings(mode === 'proxy' ? cfg.proxyHost : cfg.host)),
        max: 1, idleTimeoutMillis: 0 });
      // an idle connection the server or the freeze dropped: the pool discards it, next call reconnects
      p.on('error', (err) => console.warn(`pooled connection lost: ${err.message}`));
      pools[mode] = p;
    }
    return pools[mode];
  }

  async function run(mode, sleepMs, retried = false) {
    const t0 = process.hrtime.bigint();
    const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;
    let client;
    let release;
    if (mode === 'unpooled') {
      client = new pg.Client(await connectionSettings(cfg.host));
      await client.connect();
      release = () => client.end();
    } else {
      const pool = await poolFor(mode);
      client = await pool.connect();
      release = (err) => client.release(err);
    }
    const connectMs = ms(t0);
    const t1 = process.hrtime.bigint();
    let r;
    try {
      r = await client.query(QUERY);
      if (sleepMs > 0) await client.query(sleepQuery(sleepMs));
    } catch (err) {
      await release(err); // a broken pooled connection is destroyed, not handed out again
      // The kept connection may have died while the environment was frozen (FACTS 53): open a new one, once.
      if (mode !== 'unpooled' && !retried && connectionLost(err)) return run(mode, sleepMs, true);
      throw err;
    }
    await release();
    return { connectMs, queryMs: ms(t1), dbConnections: r.rows[0].n, dbMaxConnections: r.rows[0].max, reconnected: retried };
  }

  async function invoke(event) {
    const t0 = process.hrtime.bigint();
    const wasCold = cold;
    cold = false;
    // ms since this Node process started: on a cold start, about the init phase (runtime + this module)
    if (initMs === null) initMs = Math.round(performance.now());
    const query = event.queryStringParameters || {};
    const mode = query.mode || 'pooled';
    const base = { mode, container, coldStart: wasCold, initMs: wasCold ? initMs : 0 };
    if (!MODES.includes(mode)) {
      return answer(400, { message: `Invalid query parameter 'mode' ('${String(mode).slice(0, 40)}'): must be pooled, unpooled or proxy` });
    }
    const sleepMs = query.sleepMs === undefined ? 0 : Number(query.sleepMs);
    if (!/^[0-9]{1,5}$/.test(query.sleepMs === undefined ? '0' : query.sleepMs) || sleepMs > MAX_SLEEP_MS) {
      return answer(400, { message: `sleepMs must be a whole number of milliseconds, 0..${MAX_SLEEP_MS}` });
    }
    if (!cfg) {
      return answer(503, { ...base, error: 'This stack has no database (stack parameter DatabaseMode=none): '
        + 'redeploy with DatabaseMode=new or existing to run the pool lanes.', errorCode: 'NoDatabase' });
    }
    if (mode === 'proxy' && !cfg.proxyHost) {
      return answer(503, { ...base, error: 'This stack has no RDS Proxy (only DatabaseMode=new makes one).',
        errorCode: 'NoProxy' });
    }
    try {
      const r = await run(mode, sleepMs);
      return answer(200, { ...base, ...r, totalMs: Number(process.hrtime.bigint() - t0) / 1e6 });
    } catch (err) {
      return answer(500, { ...base, connectMs: 0, queryMs: 0, totalMs: Number(process.hrtime.bigint() - t0) / 1e6,
        dbConnections: -1, dbMaxConnections: -1, error: err.message, errorCode: err.code || err.name });
    }
  }

  async function close() {
    await Promise.all(Object.values(pools).map((p) => p.end()));
  }

  return { invoke, close, container };
}

// Made at init, outside the handler: warm invocations reuse its pools (FACTS 53).
const environment = createInvoker();
exports.handler = async (event) => environment.invoke(event);
module.exports.createInvoker = createInvoker;
module.exports.sleepQuery = sleepQuery;
