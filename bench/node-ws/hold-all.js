// Issue 8's capacity check from outside: one `connlab serve` holds N WebSockets (ws) and M long
// polls at once, the polls as HTTP/2 streams on a few clear-text sessions (Node's own http2), and
// each SNS publish must reach every one of them. Prints publish-to-arrival p50/p90/p99/max per kind.
//   node hold-all.js WS_URL POLL_URL SNS_URL [websockets=10000] [polls=10000] [publishes=5] [sessions=10]
// e.g. node hold-all.js ws://127.0.0.1:18081/dev http://127.0.0.1:18080/dev/poll http://127.0.0.1:18080/
// TOPIC (default the mock's arn:aws:sns:us-east-1:000000000000:connlab) and TOKEN (serve --token) from the environment.
'use strict';
const http = require('http');
const http2 = require('http2');
const WebSocket = require('ws');

const [wsUrl, pollUrl, snsUrl] = process.argv.slice(2, 5);
const nWs = Number(process.argv[5] || 10000);
const nPolls = Number(process.argv[6] || 10000);
const publishes = Number(process.argv[7] || 5);
const nSessions = Number(process.argv[8] || Math.max(1, Math.ceil(nPolls / 1000)));
const topic = process.env.TOPIC || 'arn:aws:sns:us-east-1:000000000000:connlab';
const token = process.env.TOKEN || '';
const CONNECTS_PER_SECOND = 400; // under API Gateway's (and the mock's) 500 a second
const poll = new URL(pollUrl);
const statusUrl = `${poll.origin}/_connlab/status`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nowMicros = () => Number(process.hrtime.bigint() / 1000n);
let onWsMessage = () => {};

function openWs(i) {
  const url = token ? `${wsUrl}${wsUrl.includes('?') ? '&' : '?'}token=${token}` : wsUrl;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => resolve(ws));
    ws.on('error', reject);
    ws.on('message', (data) => onWsMessage(i, data.toString()));
  });
}

function request(url, method, body, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let text = '';
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

async function heldPolls() {
  const r = await request(statusUrl, 'GET', null, token ? { Authorization: `Bearer ${token}` } : {});
  return r.status === 200 ? JSON.parse(r.text).heldPolls : -1;
}

function publish(message) {
  const body = `Action=Publish&TopicArn=${encodeURIComponent(topic)}&Message=${encodeURIComponent(message)}`;
  return request(snsUrl, 'POST', body, { 'Content-Type': 'application/x-www-form-urlencoded' });
}

/** Sends one held poll on `session`; resolves with the head's arrival time and whether the body has `tag`. */
function holdPoll(session, arrivals) {
  const stream = session.request({ ':path': `${poll.pathname}?wait=25` });
  let headAt = 0;
  let body = '';
  stream.on('response', () => { headAt = nowMicros(); });
  stream.on('data', (c) => { body += c; });
  stream.on('end', () => arrivals.push({ headAt, body }));
  stream.on('error', () => arrivals.push({ headAt: 0, body: '' }));
  stream.end();
}

function stats(values) {
  const v = values.slice().sort((a, b) => a - b);
  const at = (p) => (v.length ? v[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)] / 1000 : NaN);
  return `p50 ${at(50).toFixed(1)}  p90 ${at(90).toFixed(1)}  p99 ${at(99).toFixed(1)}  max ${at(100).toFixed(1)} ms`;
}

async function main() {
  const sockets = [];
  for (let i = 0; i < nWs; i += 1) {
    sockets.push(await openWs(i));
    if (i % 20 === 19) await sleep(20 * 1000 / CONNECTS_PER_SECOND);
  }
  console.error(`${sockets.length} WebSockets open`);
  const sessions = [];
  for (let s = 0; s < nSessions; s += 1) {
    const session = http2.connect(poll.origin, { maxSessionMemory: 256 });
    session.on('error', (e) => console.error(`session ${s}: ${e.message}`));
    await new Promise((resolve) => session.once('remoteSettings', resolve));
    sessions.push(session);
  }
  const wsLatencies = [];
  const pollLatencies = [];
  let missing = 0;
  for (let round = 0; round < publishes + 1; round += 1) { // round 0 warms up
    const arrivals = [];
    for (let k = 0; k < nPolls; k += 1) holdPoll(sessions[k % sessions.length], arrivals);
    for (let t = 0; (await heldPolls()) < nPolls; t += 1) {
      if (t > 600) throw new Error('the polls were not all held after 60 s');
      await sleep(100);
    }
    const tag = `hold-all ${round} ${Date.now()}`;
    let wsArrived = 0;
    const wsTimes = [];
    onWsMessage = (i, text) => { if (text.includes(tag)) { wsArrived += 1; wsTimes.push(nowMicros()); } };
    const t0 = nowMicros();
    const r = await publish(tag);
    if (r.status !== 200) throw new Error(`publish answered ${r.status}: ${r.text}`);
    for (let t = 0; t < 300 && (wsArrived < nWs || arrivals.length < nPolls); t += 1) await sleep(100);
    const polled = arrivals.filter((a) => a.body.includes(tag));
    const lost = (nWs - wsArrived) + (nPolls - polled.length);
    console.error(`publish ${round}${round === 0 ? ' (warm-up)' : ''}: ${wsArrived}/${nWs} WebSockets, ${polled.length}/${nPolls} polls`);
    if (round === 0) continue;
    missing += lost;
    wsTimes.forEach((at) => wsLatencies.push(at - t0));
    polled.forEach((a) => pollLatencies.push(a.headAt - t0));
  }
  console.log(`held at once: ${nWs} WebSockets and ${nPolls} polls on ${nSessions} HTTP/2 sessions; ${publishes} publishes after 1 to warm up`);
  console.log(`  WebSocket  ${wsLatencies.length} deliveries  ${stats(wsLatencies)}`);
  console.log(`  held poll  ${pollLatencies.length} deliveries  ${stats(pollLatencies)}`);
  console.log(`missing: ${missing}`);
  sockets.forEach((ws) => ws.terminate());
  sessions.forEach((s) => s.destroy());
  process.exitCode = missing === 0 ? 0 : 1;
}

main().catch((e) => { console.error(`hold-all: ${e.message}`); process.exit(2); });
