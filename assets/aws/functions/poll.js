'use strict';
// GET /poll?room=R&cursor=N&wait=S on the HTTP API; the log and its cursors are per room
// (absent = the room `default`). Answers at once when messages after the cursor
// exist, else looks again every POLL_EVERY_MS until one arrives or the wait ends. The hold
// stops at 25 s, under the HTTP API's fixed 30 s integration timeout (FACTS 36), so a long
// poll ends with an empty answer rather than a 504. Same JSON as the mock: {cursor, messages, gap}.
const { dynamoClient } = require('./lib/clients');
const messages = require('./lib/messages');
const { roomOf } = require('./lib/rooms');

const MAX_HOLD_MS = 25000;
const POLL_EVERY_MS = 200;
const MAX_WAIT_SECONDS = 900;

const real = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

function shown(raw) {
  return `'${raw.length > 40 ? raw.slice(0, 40) + '...' : raw}'`;
}

/** The query checked with the mock's rules and messages; throws {status: 400, message}. */
function parse(query) {
  const q = query || {};
  const r = roomOf(q.room);
  if (r.error) throw { status: 400, message: `Invalid room: ${r.error}` };
  let cursor = null;
  if (q.cursor !== undefined) {
    if (!/^[0-9]{1,19}$/.test(q.cursor) || !Number.isSafeInteger(Number(q.cursor))) {
      throw { status: 400, message: `Invalid query parameter 'cursor' (${shown(q.cursor)}): must be a non-negative integer` };
    }
    cursor = Number(q.cursor);
  }
  let waitMs = 0;
  if (q.wait !== undefined) {
    if (!/^[0-9]{1,10}(\.[0-9]{0,9})?$/.test(q.wait) || Number(q.wait) > MAX_WAIT_SECONDS) {
      throw { status: 400, message: `Invalid query parameter 'wait' (${shown(q.wait)}): must be a number of seconds from 0 to ${MAX_WAIT_SECONDS}` };
    }
    waitMs = Math.round(Number(q.wait) * 1000);
  }
  return { room: r.room, cursor, waitMs };
}

function answer(status, body) {
  return { statusCode: status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** The handler, with the clock and the client passed in so tests need neither AWS nor 25 real seconds. */
async function poll(event, dynamo = dynamoClient(), time = real) {
  let p;
  try {
    p = parse(event.queryStringParameters);
  } catch (bad) {
    if (bad.status) return answer(bad.status, { message: bad.message });
    throw bad;
  }
  const head = await messages.head(dynamo, p.room);
  // a cursor from the future (another stack, a wiped log): start again from now, told so, as the mock does
  if (p.cursor !== null && p.cursor > head) return answer(200, { cursor: head, messages: [], gap: true });
  const cursor = p.cursor !== null ? p.cursor : head;
  const deadline = time.now() + Math.min(p.waitMs, MAX_HOLD_MS);
  for (;;) {
    const slice = await messages.after(dynamo, p.room, cursor, time.now());
    if (slice.messages.length > 0 || time.now() >= deadline) return answer(200, slice);
    await time.sleep(Math.min(POLL_EVERY_MS, deadline - time.now()));
  }
}

exports.handler = async (event) => poll(event);
module.exports.poll = poll;
module.exports.MAX_HOLD_MS = MAX_HOLD_MS;
