'use strict';
// The room contract (shared with the mock): 1-64 characters of [A-Za-z0-9_-]; absent means
// the room `default`, so the chat sample's protocol and old clients keep working unchanged.
const DEFAULT_ROOM = 'default';
const ROOM = /^[A-Za-z0-9_-]{1,64}$/;

/** The room named by a raw value (undefined = absent), or {error} with the reason. */
function roomOf(raw) {
  if (raw === undefined || raw === null) return { room: DEFAULT_ROOM };
  if (typeof raw !== 'string') return { error: 'must be a string' };
  if (raw.length === 0) return { error: 'must not be empty' };
  if (raw.length > 64) return { error: `must be at most 64 characters, got ${raw.length}` };
  if (!ROOM.test(raw)) return { error: 'may only hold letters, digits, _ and -' };
  return { room: raw };
}

/** API Gateway's 400 answer for a bad room, as the mock gives it. */
function invalidRoom(reason) {
  return { statusCode: 400, headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: `Invalid room: ${reason}` }) };
}

module.exports = { roomOf, invalidRoom, DEFAULT_ROOM };
