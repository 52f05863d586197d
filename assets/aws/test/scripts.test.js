'use strict';
// deploy.sh, teardown.sh, status.sh and cost-estimate.sh: a static check for what breaks on
// macOS's bash 3.2 and BSD tools (no bash 3.2 here to run them with), then every documented
// invocation, with and without --profile and --region, against a fake AWS CLI on the PATH.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const scripts = [...fs.readdirSync(root).filter((f) => f.endsWith('.sh')),
  ...fs.readdirSync(path.join(root, 'support')).filter((f) => f.endsWith('.sh')).map((f) => `support/${f}`)];

/** bash 4+ features and GNU-only flags, each with why it breaks on a Mac. */
const TRAPS = [
  [/\[@\]\}/, '"${a[@]}" of an empty array aborts under set -u in bash 3.2 (use no arrays)'],
  [/\[\*\]\}/, 'arrays: "${a[*]}" has the same bash 3.2 set -u trap'],
  [/\bdeclare\s+-[A-Za-z]*[An]/, 'declare -A / -n: bash 4+'],
  [/\blocal\s+-n\b/, 'local -n: bash 4.3+'],
  [/\$\{[A-Za-z_][A-Za-z0-9_]*(,,|\^\^|,|\^)\}/, '${x,,} / ${x^^}: bash 4+'],
  [/\$\{[A-Za-z_][A-Za-z0-9_]*@[QEPAa]\}/, '${x@Q}: bash 4.4+'],
  [/\b(readarray|mapfile|coproc)\b/, 'readarray / mapfile / coproc: bash 4+'],
  [/&>>|\|&/, '&>> and |&: bash 4+'],
  [/;;&|;&\s*$/m, 'case fall-through ;& / ;;&: bash 4+'],
  [/\[\[\s+-v\s/, '[[ -v name ]]: bash 4.2+'],
  [/\$EPOCH(SECONDS|REALTIME)|\bwait\s+-n\b|shopt\s+-s\s+globstar/, 'bash 5 / 4.3 features'],
  [/\bsed\s+(-[a-zA-Z]*\s+)*-i(\s|$)(?!\s*'')/, "sed -i without a suffix argument: BSD sed needs -i ''"],
  [/\bsed\s+(-[a-zA-Z]*\s+)*-r\b/, 'sed -r: GNU only (use -E)'],
  [/\bdate\s+(-[a-zA-Z]*\s+)*(-d|--date)\b/, 'date -d: GNU only'],
  [/\bgrep\s+(-[a-zA-Z]*\s+)*-[a-zA-Z]*P/, 'grep -P: GNU only'],
  [/\breadlink\s+-f\b/, 'readlink -f: missing before macOS 12.3'],
  [/\bstat\s+-c\b/, 'stat -c: GNU only (BSD stat -f)'],
  [/\bsort\s+(-[a-zA-Z]*\s+)*-[a-zA-Z]*V/, 'sort -V: GNU only'],
  [/\bbase64\s+-w\b/, 'base64 -w: GNU only'],
  [/\bmktemp\s+--/, 'mktemp --long-options: GNU only'],
  [/\bxargs\s+(-[a-zA-Z]*\s+)*-r\b/, 'xargs -r: GNU only'],
  [/\b(head|tail)\s+-n\s+-\d/, 'head/tail -n -N: GNU only'],
  [/\bseq\s+-w\b|\btimeout\s+\d/, 'timeout / seq -w: not on macOS'],
];

/** The traps found in a script's text, as "line: why" (comments skipped). */
function trapsIn(text) {
  const found = [];
  text.split('\n').forEach((line, i) => {
    const code = line.replace(/^\s*#.*$/, '').replace(/\s#\s.*$/, '');
    for (const [pattern, why] of TRAPS) if (pattern.test(code)) found.push(`${i + 1}: ${why}: ${line.trim()}`);
  });
  return found;
}

test('no script uses a bash 4+ feature or a GNU-only flag', () => {
  assert.ok(scripts.includes('deploy.sh') && scripts.includes('status.sh') && scripts.includes('support/aws-cli.sh'));
  for (const s of scripts) assert.deepEqual(trapsIn(fs.readFileSync(path.join(root, s), 'utf8')), [], s);
});

test('the static check finds each trap it knows', () => {
  const bad = ['args=(); aws "${args[@]}"', 'declare -A m', 'echo ${x,,}', 'readarray -t l', "sed -i 's/a/b/' f",
    'date -d yesterday', 'grep -oP x', 'stat -c %s f', 'cmd |& tee', 'readlink -f .'];
  for (const line of bad) assert.notDeepEqual(trapsIn(line), [], line);
  for (const line of ["sed -i '' 's/a/b/' f", 'sed -n 2,5p f', 'grep -q x', 'stat -f %z f', '# declare -A in a comment']) {
    assert.deepEqual(trapsIn(line), [], line);
  }
});

/** Runs a script with the fake aws first on PATH; returns {code, out, calls}. */
function run(script, args, { env = {}, input = '' } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'connlab-scripts-'));
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  fs.mkdirSync(path.join(dir, 'state'));
  fs.copyFileSync(path.join(__dirname, 'fake-aws'), path.join(bin, 'aws'));
  fs.chmodSync(path.join(bin, 'aws'), 0o755);
  const log = path.join(dir, 'calls.log');
  const r = spawnSync('/bin/bash', [path.join(root, script), ...args], {
    cwd: dir, input, encoding: 'utf8', timeout: 60000,
    env: { PATH: `${bin}:/usr/bin:/bin`, HOME: dir, FAKE_AWS_LOG: log, FAKE_AWS_STATE: path.join(dir, 'state'), ...env },
  });
  const calls = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
  return { code: r.status, out: `${r.stdout}${r.stderr}`, calls, dir };
}

const REGION = { FAKE_AWS_REGION: 'eu-west-1' };

test('deploy.sh as the README gives it, and with no profile and no region (the bash 3.2 empty-array case)', () => {
  for (const args of [[], ['--stack', 'connlab'], ['--stack', 'connlab', '--region', 'eu-west-1', '--profile', 'my-sso'],
    ['--region', 'eu-west-1', '--token', 'T'], ['--profile', 'my-sso']]) {
    const r = run('deploy.sh', args, { env: REGION });
    assert.equal(r.code, 0, `${args.join(' ')}\n${r.out}`);
    assert.match(r.out, /Endpoint profile: .*connlab-connlab\.json/);
    assert.match(r.calls, /cloudformation deploy .*--tags project=connlab stack=connlab/);
    const withProfile = args.includes('--profile');
    for (const line of r.calls.trim().split('\n').filter((l) => !l.startsWith('--version'))) {
      assert.equal(line.includes('--profile my-sso'), withProfile, line);
    }
  }
});

test('with no region anywhere deploy.sh, teardown.sh and status.sh say how to give one', () => {
  for (const s of ['deploy.sh', 'teardown.sh', 'status.sh']) {
    const r = run(s, s === 'teardown.sh' ? ['--yes'] : []);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /no region: pass --region/);
  }
  const cloudShell = run('deploy.sh', [], { env: { AWS_REGION: 'us-west-2' } });
  assert.equal(cloudShell.code, 0, cloudShell.out);
  assert.match(cloudShell.calls, /--region us-west-2 cloudformation deploy/, 'CloudShell sets AWS_REGION');
});

test('a database stack prints its standing cost and creates nothing without yes', () => {
  const refused = run('deploy.sh', ['--region', 'us-east-1', '--database', 'new'], { input: 'no\n' });
  assert.equal(refused.code, 1, refused.out);
  assert.match(refused.out, /bills about \$0\.070 an hour, \$1\.67 a day, \$50\.88 a month/);
  assert.match(refused.out, /RDS Proxy .*FACTS 74/);
  assert.match(refused.out, /Secrets Manager endpoint, 2 AZs/);
  assert.match(refused.out, /nothing created/);
  assert.doesNotMatch(refused.calls, /cloudformation (package|deploy)|create-bucket/);
  const typed = run('deploy.sh', ['--region', 'us-east-1', '--database', 'new'], { input: 'yes\n' });
  assert.equal(typed.code, 0, typed.out);
  const flag = run('deploy.sh', ['--region', 'us-east-1', '--database', 'new', '--yes']);
  assert.equal(flag.code, 0, flag.out);
  assert.match(flag.calls, /cloudformation deploy/);
});

test('a new database takes the default subnets of the first two AZs every service offers, and the VPC CIDR', () => {
  const r = run('deploy.sh', ['--region', 'us-east-1', '--database', 'new', '--yes']);
  assert.equal(r.code, 0, r.out);
  // six default subnets; 1a lacks RDS, 1e lacks the endpoint: b and c
  assert.match(r.calls, /SubnetIds=subnet-b,subnet-c /);
  assert.match(r.calls, /VpcId=vpc-default .*SecretsEndpoint=create VpcCidr=172\.31\.0\.0\/16/);
});

test('a VPC that has a Secrets Manager endpoint reuses it, and the standing cost leaves it out', () => {
  const r = run('deploy.sh', ['--region', 'us-east-1', '--database', 'new', '--yes'], { env: { FAKE_AWS_ENDPOINT: 'vpce-0abc' } });
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /already has a Secrets Manager endpoint \(vpce-0abc\)/);
  assert.match(r.out, /bills about \$0\.050 an hour/);
  assert.match(r.calls, /SecretsEndpoint=reuse/);
  assert.match(r.out, /must admit sg-0lab on TCP 443/);
});

test('an existing database: the confirmation, the TLS choice and the ingress rule to add', () => {
  const r = run('deploy.sh', ['--region', 'eu-west-1', '--database', 'existing', '--db-host', 'db.example.org',
    '--db-secret-arn', 'arn:aws:secretsmanager:eu-west-1:1:secret:x', '--db-tls', 'no-verify',
    '--subnets', 'subnet-1,subnet-2', '--yes']);
  assert.equal(r.code, 0, r.out);
  assert.match(r.calls, /DbTlsVerify=no-verify/);
  assert.match(r.calls, /VpcId=vpc-given SubnetIds=subnet-1,subnet-2/);
  assert.match(r.out, /inbound rule .* TCP 5432[\s\S]*sg-0lab/);
  const bad = run('deploy.sh', ['--region', 'eu-west-1', '--database', 'existing']);
  assert.match(bad.out, /--database existing needs --db-host and --db-secret-arn/);
});

test('a stack left ROLLBACK_COMPLETE: the first failure reason, then delete on yes or stop', () => {
  const stop = run('deploy.sh', ['--region', 'eu-west-1'], { env: { FAKE_AWS_STACK_STATUS: 'ROLLBACK_COMPLETE' }, input: 'n\n' });
  assert.equal(stop.code, 1, stop.out);
  assert.match(stop.out, /ROLLBACK_COMPLETE/);
  assert.match(stop.out, /First failure: ConnectFunction\s+Resource creation cancelled|First failure: InvokeFunction/);
  assert.doesNotMatch(stop.calls, /delete-stack|cloudformation deploy/);
  const go = run('deploy.sh', ['--region', 'eu-west-1', '--yes'], { env: { FAKE_AWS_STACK_STATUS: 'ROLLBACK_COMPLETE' } });
  assert.equal(go.code, 0, go.out);
  assert.match(go.calls, /delete-stack --stack-name connlab[\s\S]*wait stack-delete-complete[\s\S]*cloudformation deploy/);
});

test('a failed create names its first failure', () => {
  const r = run('deploy.sh', ['--region', 'eu-west-1'], { env: { FAKE_AWS_DEPLOY_FAILS: '1' } });
  assert.equal(r.code, 1);
  assert.match(r.out, /The deploy failed\. First failure: ConnectFunction/);
  assert.match(r.out, /ROLLBACK_COMPLETE: run deploy.sh again/);
});

test('teardown.sh: the stack, the proxy log group, the bucket, node_modules, and names the token file', () => {
  for (const args of [['--yes'], ['--stack', 'connlab', '--region', 'eu-west-1', '--profile', 'my-sso', '--yes']]) {
    const r = run('teardown.sh', args, { env: { ...REGION, FAKE_AWS_STACK_STATUS: 'CREATE_COMPLETE' } });
    assert.equal(r.code, 0, r.out);
    assert.match(r.calls, /cloudformation delete-stack --stack-name connlab/);
    assert.match(r.calls, /logs delete-log-group --log-group-name \/aws\/rds\/proxy\/connlab-proxy/);
  }
  const named = run('teardown.sh', ['--yes'], { env: REGION });
  fs.writeFileSync(path.join(named.dir, 'connlab-connlab.json'), '{}');
  const again = spawnSync('/bin/bash', [path.join(root, 'teardown.sh'), '--yes'], {
    cwd: named.dir, encoding: 'utf8',
    env: { PATH: `${path.join(named.dir, 'bin')}:/usr/bin:/bin`, HOME: named.dir, ...REGION,
      FAKE_AWS_LOG: path.join(named.dir, 'calls.log'), FAKE_AWS_STATE: path.join(named.dir, 'state') },
  });
  assert.match(again.stdout, /connlab-connlab\.json holds the stack's \(now dead\) \$connect token/);
  const no = run('teardown.sh', [], { env: REGION, input: 'n\n' });
  assert.match(no.out, /Nothing deleted/);
  assert.doesNotMatch(no.calls, /delete-stack/);
});

test('status.sh lists stacks with what bills by the hour, tagged resources, proxy logs and the bucket', () => {
  for (const args of [[], ['--region', 'eu-west-1', '--profile', 'my-sso']]) {
    const r = run('status.sh', args, { env: { ...REGION, FAKE_AWS_STACK_STATUS: 'CREATE_COMPLETE' } });
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /connlab\s+CREATE_COMPLETE\s+bills by the hour: AWS::RDS::DBInstance AWS::RDS::DBProxy/);
    assert.match(r.out, /arn:aws:rds:eu-west-1:123456789012:db:connlab-db/);
    assert.match(r.out, /\/aws\/rds\/proxy\/connlab-proxy/);
    assert.doesNotMatch(r.calls, /delete|create/, 'status changes nothing');
  }
});

test('cost-estimate.sh: a class of 30 with a room per run, the shared room, and standing costs', () => {
  // the same figures as the app's ClassCost.workshopHour(30, 20), which README.md and lesson 7 quote
  // (GoingLiveCostsTest holds those to the app): the script follows the app's formula
  const rooms = run('cost-estimate.sh', ['--database', 'new']);
  assert.match(rooms.out, /WebSocket API  \$   0\.36  \(0\.36 M messages: each reaches 1 connection\)/);
  assert.match(rooms.out, /HTTP API       \$   0\.92 .*SNS \$0\.18   Lambda \$0\.50   DynamoDB ~\$0\.79   database standing ~\$0\.07\/h/);
  assert.match(rooms.out, /Total          \$   2\.82 per hour/);
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.ok(readme.includes('**$2.82**') && readme.includes('**$13.35**'), 'README.md quotes the totals this script prints');
  const shared = run('cost-estimate.sh', ['--database', 'new', '--shared-room']);
  assert.match(shared.out, /WebSocket API  \$  10\.80 .*each reaches 30 connections/);
  assert.match(shared.out, /Lambda \$0\.59/);
  assert.match(shared.out, /Total          \$  13\.35 per hour/);
  assert.match(run('cost-estimate.sh', []).out, /Total          \$   2\.75 per hour[\s\S]*add --database new/);
  const standing = run('cost-estimate.sh', ['--standing', '--database', 'existing', '--endpoint-azs', '2']);
  assert.match(standing.out, /\$0\.020 an hour, \$0\.48 a day, \$14\.60 a month/);
  assert.match(run('cost-estimate.sh', ['--standing', '--database', 'new']).out, /\$0\.070 an hour, \$1\.67 a day, \$50\.88 a month/);
  assert.equal(run('cost-estimate.sh', ['--students', 'x']).code, 2);
});
