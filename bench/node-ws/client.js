// The outside client, the same for both servers: opens N WebSockets, then one of them sends
// sendmessage and every connection times its arrival (one clock: this process).
//   node client.js URL [connections] [messages] [--json]
// Prints p50/p99 publish-to-arrival latency of M sequential broadcasts (after 10 to warm up)
// and the delivery rate of a burst of 20 broadcasts sent back to back.
'use strict';
const WebSocket = require('ws');

const url = process.argv[2];
const n = Number(process.argv[3] || 1000);
const messages = Number(process.argv[4] || 50);
const WARM_UP = 10;
const BURST = 20;
const CONNECTS_PER_SECOND = 400; // under API Gateway's (and the mock's) 500 a second

const sockets = [];
let onArrival = () => {};

function open(i) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => resolve(ws));
    ws.on('error', reject);
    ws.on('message', (data) => onArrival(i, data.toString()));
  });
}

async function connectAll() {
  for (let i = 0; i < n; i += 1) {
    sockets.push(await open(i));
    if (i % 20 === 19) await sleep(20 * 1000 / CONNECTS_PER_SECOND);
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nowMicros = () => Number(process.hrtime.bigint() / 1000n);

/** Sends `count` broadcasts back to back; resolves with each delivery's latency and the elapsed time. */
function broadcast(count, tag) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const sentAt = new Map();
    let remaining = count * n;
    const t0 = nowMicros();
    const timer = setTimeout(() => reject(new Error(`${remaining} deliveries missing after 30 s`)), 30000);
    onArrival = (i, text) => {
      const at = sentAt.get(text);
      if (at === undefined) return;
      latencies.push(nowMicros() - at);
      remaining -= 1;
      if (remaining === 0) {
        clearTimeout(timer);
        resolve({ latencies, elapsedMicros: nowMicros() - t0 });
      }
    };
    for (let k = 0; k < count; k += 1) {
      const data = `${tag}-${k}`;
      sentAt.set(data, nowMicros());
      sockets[0].send(JSON.stringify({ action: 'sendmessage', data }));
    }
  });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  await connectAll();
  const all = [];
  for (let m = 0; m < WARM_UP + messages; m += 1) {
    const { latencies } = await broadcast(1, `m${m}`);
    if (m >= WARM_UP) all.push(...latencies);
    await sleep(20);
  }
  all.sort((a, b) => a - b);
  const burst = await broadcast(BURST, 'burst');
  const result = {
    url, connections: n, broadcasts: messages,
    p1ms: percentile(all, 1) / 1000, p10ms: percentile(all, 10) / 1000,
    p50ms: percentile(all, 50) / 1000, p99ms: percentile(all, 99) / 1000,
    deliveriesPerSecond: Math.round((BURST * n) / (burst.elapsedMicros / 1e6)),
  };
  console.log(JSON.stringify(result));
  for (const ws of sockets) ws.terminate();
}

main().catch((e) => { console.error(`client: ${e.message}`); process.exit(1); });
