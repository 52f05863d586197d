'use strict';
// Dated: fails when a Lambda runtime or the PostgreSQL major version in template.yaml is within
// 6 months of the day AWS stops creating it (support/lifecycle.json, each date with its source),
// so the stack is moved on long before a deploy would roll back at step 1.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');

const root = path.join(__dirname, '..');
const template = yaml.load(fs.readFileSync(path.join(root, 'template.yaml'), 'utf8'));
const lifecycle = JSON.parse(fs.readFileSync(path.join(root, 'support', 'lifecycle.json'), 'utf8'));
const MARGIN_DAYS = 183;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Problems of template `t` on day `today` against the table: unknown entries and too-close dates. */
function lifecycleProblems(t, table, today) {
  const problems = [];
  const daysLeft = (date) => Math.floor((Date.parse(`${date}T00:00:00Z`) - today.getTime()) / DAY_MS);
  for (const [id, r] of Object.entries(t.Resources)) {
    const p = r.Properties || {};
    if (r.Type === 'AWS::Lambda::Function') {
      const row = table.lambdaRuntimes.find((x) => x.runtime === p.Runtime);
      if (!row) { problems.push(`${id}: runtime ${p.Runtime} is not in support/lifecycle.json`); continue; }
      const left = daysLeft(row.blockCreate);
      if (left < MARGIN_DAYS) problems.push(`${id}: ${p.Runtime} can no longer be created from ${row.blockCreate} (${left} days left, under ${MARGIN_DAYS})`);
    }
    if (r.Type === 'AWS::RDS::DBInstance' && p.Engine === 'postgres') {
      const row = table.postgres.find((x) => x.version === String(p.EngineVersion));
      if (!row) { problems.push(`${id}: PostgreSQL ${p.EngineVersion} is not pinned to a version in support/lifecycle.json`); continue; }
      const left = daysLeft(row.endOfStandardSupport);
      if (left < MARGIN_DAYS) problems.push(`${id}: PostgreSQL ${row.version} leaves standard support on ${row.endOfStandardSupport} (${left} days left)`);
    }
  }
  return problems;
}

test('no runtime or database engine of the template is within 6 months of its block date (today)', () => {
  assert.deepEqual(lifecycleProblems(template, lifecycle, new Date()), []);
});

test('every row of the table has its dates in order and a source', () => {
  for (const row of lifecycle.lambdaRuntimes) {
    assert.ok(row.deprecation <= row.blockCreate && row.blockCreate <= row.blockUpdate, row.runtime);
    assert.match(row.source, /https:\/\//);
  }
  for (const row of lifecycle.postgres) {
    assert.match(row.endOfStandardSupport, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(row.source, /https:\/\//);
    assert.match(row.proxySource, /RDS Proxy/);
  }
});

test('the check catches the runtime that broke the first deploy, an unpinned engine and an unknown runtime', () => {
  const t = { Resources: {
    Old: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs20.x' } },
    Soon: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs24.x' } },
    Odd: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs99.x' } },
    Db: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'postgres' } },
  } };
  const problems = lifecycleProblems(t, lifecycle, new Date('2028-01-15T00:00:00Z'));
  assert.ok(problems.some((p) => /Old: nodejs20.x can no longer be created from 2026-08-31/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /Soon: nodejs24.x .* 2028-06-01 \(138 days left/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /Odd: runtime nodejs99.x is not in/.test(p)));
  assert.ok(problems.some((p) => /Db: PostgreSQL undefined is not pinned/.test(p)));
  assert.deepEqual(lifecycleProblems({ Resources: { Soon: t.Resources.Soon } }, lifecycle, new Date('2026-12-07T00:00:00Z')), []);
});
