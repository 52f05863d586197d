// A plain Node `ws` server speaking the simple-websockets-chat-app protocol:
// {"action":"sendmessage","data":"hi"} sends "hi" to every connection, the sender included.
// The reference the mock's gateway is measured against (bench/node-ws/compare.sh).
'use strict';
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2] || 18090);
const wss = new WebSocketServer({ host: '127.0.0.1', port, backlog: 4096 });
wss.on('connection', (ws) => {
  ws.on('message', (raw) => {
    let msg;
    try { msg = JSON.parse(raw); } catch { return; }
    if (msg && msg.action === 'sendmessage' && typeof msg.data === 'string') {
      for (const client of wss.clients) client.send(msg.data);
    }
  });
});
wss.on('listening', () => console.log(`node-ws listening on ${port}`));
