'use strict';
// Where the invoke function's PostgreSQL is, from the environment the stack sets:
// DB_MODE none|new|existing, DB_HOST, DB_PROXY_HOST (new only), DB_PORT, DB_NAME,
// DB_SECRET_ARN (Secrets Manager JSON with username/password) or, for local tests,
// DB_USER/DB_PASSWORD, and DB_SSL: verify (the default: TLS, server certificate checked against
// the runtime's CA bundle, RDS's included), no-verify (TLS without the check: an existing
// PostgreSQL whose CA the runtime does not know; stack parameter DbTlsVerify), disable (local).

function tls(mode = 'verify') {
  if (mode === 'disable') return false;
  if (mode === 'no-verify') return { rejectUnauthorized: false };
  if (mode === 'verify') return { rejectUnauthorized: true };
  throw new Error(`DB_SSL must be verify, no-verify or disable, got '${mode}'`);
}

function config(env = process.env) {
  const mode = env.DB_MODE || 'none';
  if (mode === 'none' || !env.DB_HOST) return null;
  return {
    mode,
    host: env.DB_HOST,
    proxyHost: env.DB_PROXY_HOST || null,
    port: Number(env.DB_PORT || 5432),
    database: env.DB_NAME || 'postgres',
    secretArn: env.DB_SECRET_ARN || null,
    user: env.DB_USER || null,
    password: env.DB_PASSWORD || null,
    ssl: tls(env.DB_SSL),
  };
}

let secret;

/** The user name and password: the secret is read once per execution environment. */
async function credentials(cfg) {
  if (!cfg.secretArn) return { user: cfg.user, password: cfg.password };
  if (!secret) {
    const { SecretsManagerClient, GetSecretValueCommand } = require('@aws-sdk/client-secrets-manager');
    const r = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: cfg.secretArn }));
    const s = JSON.parse(r.SecretString);
    secret = { user: s.username, password: s.password };
  }
  return secret;
}

module.exports = { config, credentials };
