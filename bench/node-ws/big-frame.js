// Issue 8, item 6, with Node's ws as the client: N clients each send one 200 KB message (past
// API Gateway's 128 KB cap) and report the close code they read. Every one must read 1009;
// 1006 means the server's socket went away before the client could read its close frame.
//   node big-frame.js ws://127.0.0.1:PORT/dev [clients=120]
'use strict';
const WebSocket = require('ws');

const url = process.argv[2];
const n = Number(process.argv[3] || 120);
const codes = {};

function one() {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    const timer = setTimeout(() => { ws.terminate(); resolve('timeout'); }, 10000);
    ws.on('open', () => ws.send('x'.repeat(200 * 1024)));
    ws.on('close', (code) => { clearTimeout(timer); resolve(code); });
    ws.on('error', () => {});
  });
}

(async () => {
  const batch = 10; // under the gateway's 500 connections a second
  for (let i = 0; i < n; i += batch) {
    const results = await Promise.all(Array.from({ length: Math.min(batch, n - i) }, one));
    for (const c of results) codes[c] = (codes[c] || 0) + 1;
  }
  console.log(JSON.stringify({ clients: n, closeCodes: codes }));
  process.exit(codes[1009] === n ? 0 : 1);
})();
