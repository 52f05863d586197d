'use strict';
// A throw-away PostgreSQL for the invoke tests: initdb + pg_ctl from the machine (Debian's
// postgresql package), on a free loopback port, with a small max_connections. As root the
// server runs as the `postgres` user (PostgreSQL refuses to run as root). Returns null when
// no PostgreSQL is installed, so the tests are reported as skipped, never as passed.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

function findBin(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    for (const v of fs.readdirSync(root).sort().reverse()) {
      const p = path.join(root, v, 'bin', name);
      if (fs.existsSync(p)) return p;
    }
  }
  return null;
}

function hasUser(name) {
  try {
    execFileSync('id', [name], { stdio: 'ignore' });
    return true;
  } catch (noSuchUser) {
    return false;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

async function start({ maxConnections }) {
  const initdb = findBin('initdb');
  const pgCtl = findBin('pg_ctl');
  if (!initdb || !pgCtl) return null;
  const asRoot = process.getuid && process.getuid() === 0;
  if (asRoot && !hasUser('postgres')) return null; // PostgreSQL will not run as root, and there is no one else to run it
  const run = (bin, args) => (asRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'pipe' })
    : execFileSync(bin, args, { stdio: 'pipe' }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'connlab-pg-'));
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  run(initdb, ['-D', data, '-U', 'admin', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  run(pgCtl, ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=${maxConnections} `
    + '-c superuser_reserved_connections=1 -c fsync=off', 'start']);
  const stop = () => {
    try { run(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']); } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  };
  return { host: '127.0.0.1', port, adminUser: 'admin', stop };
}

module.exports = { start };
