'use strict';
// The template and the handlers agree: every function's Handler names a module that exports a
// handler, and every environment variable the module (and what it requires) reads is set by
// the template, unless it is one of the few with a local default. A typo here would only show
// up on a deployed stack.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');

const root = path.join(__dirname, '..');
const template = yaml.load(fs.readFileSync(path.join(root, 'template.yaml'), 'utf8'));
/** Read with a default or only by the local tests: DB_PORT 5432, DB_USER/PASSWORD instead of a secret. */
const OPTIONAL = new Set(['DB_PORT', 'DB_USER', 'DB_PASSWORD', 'CONNECTIONS_URL']);

/** The env names a module and its local requires read. */
function envRead(file, seen = new Set()) {
  if (seen.has(file)) return new Set();
  seen.add(file);
  const src = fs.readFileSync(file, 'utf8');
  const names = new Set([...src.matchAll(/\benv\.([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]));
  for (const m of src.matchAll(/require\('(\.[^']+)'\)/g)) {
    const dep = path.join(path.dirname(file), m[1].endsWith('.js') ? m[1] : `${m[1]}.js`);
    for (const n of envRead(dep, seen)) names.add(n);
  }
  return names;
}

const functions = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');

test('every function in the template has a handler module that exports it', () => {
  assert.equal(functions.length, 6);
  for (const [id, r] of functions) {
    const [moduleName, exportName] = r.Properties.Handler.split('.');
    const file = path.join(root, r.Properties.Code, `${moduleName}.js`);
    assert.ok(fs.existsSync(file), `${id}: ${file} is missing`);
    assert.equal(typeof require(file)[exportName], 'function', `${id}: ${moduleName}.js does not export ${exportName}`);
  }
});

test('every environment variable a handler reads is set by its function in the template', () => {
  for (const [id, r] of functions) {
    const file = path.join(root, r.Properties.Code, `${r.Properties.Handler.split('.')[0]}.js`);
    const set = new Set(Object.keys((r.Properties.Environment || {}).Variables || {}));
    const missing = [...envRead(file)].filter((n) => !set.has(n) && !OPTIONAL.has(n));
    assert.deepEqual(missing, [], `${id} reads ${missing.join(', ')} but the template does not set it`);
  }
});

test('the timings the handlers and the template share agree', () => {
  const r = template.Resources;
  const borrow = r.DbProxyTargetGroup.Properties.ConnectionPoolConfigurationInfo.ConnectionBorrowTimeout;
  assert.ok(borrow < r.InvokeFunction.Properties.Timeout, 'an exhausted proxy answers before the function times out');
  const { DEDUPE_SECONDS, RETENTION_SECONDS } = require('../functions/lib/messages');
  assert.ok(r.SnsInvokeConfig.Properties.MaximumEventAgeInSeconds < DEDUPE_SECONDS,
    'a retried SNS event still finds the seq its first attempt took');
  assert.equal(r.SnsInvokeConfig.Properties.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0], 'SnsFailures');
  assert.equal(RETENTION_SECONDS, 3600);
  const { GONE_GRACE_MS } = require('../functions/lib/connections');
  assert.ok(GONE_GRACE_MS > 29000, 'longer than the longest $connect integration (29 s)');
  assert.ok(r.SnsFunction.Properties.Timeout <= 900 && r.PollFunction.Properties.Timeout < 30);
  assert.equal(r.Db.Properties.EngineVersion, '15');
  assert.ok(!Object.values(r).some((x) => x.Type === 'AWS::ApiGatewayV2::Route' && x.Properties.RouteKey === '$default'),
    'no $default: heartbeats get API Gateway\'s own answer, as on the mock');
});
