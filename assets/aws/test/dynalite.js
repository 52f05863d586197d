'use strict';
// A real DynamoDB-compatible engine for the handlers' tests: dynalite (in memory) on an
// ephemeral loopback port, with the two tables as template.yaml defines them (keys, the
// byRoom index). Tests talk to it with the real SDK client, no mocks of the SDK.
const dynalite = require('dynalite');
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');
const { DynamoDBClient, CreateTableCommand } = require('@aws-sdk/client-dynamodb');

const template = yaml.load(fs.readFileSync(path.join(__dirname, '..', 'template.yaml'), 'utf8'));

/** The CreateTable input for a table resource of the template (billing and TTL left to the engine). */
function tableInput(resource, name) {
  const p = template.Resources[resource].Properties;
  const input = { TableName: name, AttributeDefinitions: p.AttributeDefinitions, KeySchema: p.KeySchema, BillingMode: 'PAY_PER_REQUEST' };
  if (p.GlobalSecondaryIndexes) input.GlobalSecondaryIndexes = p.GlobalSecondaryIndexes;
  return input;
}

/** Starts the engine, makes the tables, sets CONNECTIONS_TABLE and MESSAGES_TABLE; returns {dynamo, stop}. */
async function startDynamo() {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise((resolve, reject) => server.listen(0, '127.0.0.1', (err) => (err ? reject(err) : resolve())));
  const { port } = server.address();
  const dynamo = new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  process.env.CONNECTIONS_TABLE = 'connections';
  process.env.MESSAGES_TABLE = 'messages';
  await dynamo.send(new CreateTableCommand(tableInput('ConnectionsTable', 'connections')));
  await dynamo.send(new CreateTableCommand(tableInput('MessagesTable', 'messages')));
  return { dynamo, stop: async () => { dynamo.destroy(); await new Promise((r) => server.close(r)); } };
}

/**
 * A stand-in for the @connections endpoint (no local engine exists for it): records what each
 * connection receives; ids in `gone` answer 410 as API Gateway does, others in `failing` 429.
 */
function fakeConnections({ gone = [], failing = [] } = {}) {
  const received = new Map();
  return {
    received,
    gone: new Set(gone),
    failing: new Set(failing),
    inFlight: 0,
    most: 0,
    async send(command) {
      const id = command.input.ConnectionId;
      this.inFlight++;
      this.most = Math.max(this.most, this.inFlight);
      await new Promise((r) => setImmediate(r));
      this.inFlight--;
      if (this.gone.has(id)) throw Object.assign(new Error('Gone'), { name: 'GoneException', $metadata: { httpStatusCode: 410 } });
      if (this.failing.has(id)) throw Object.assign(new Error('Rate exceeded'), { name: 'LimitExceededException', $metadata: { httpStatusCode: 429 } });
      if (!received.has(id)) received.set(id, []);
      received.get(id).push(Buffer.from(command.input.Data).toString('utf8'));
      return {};
    },
  };
}

module.exports = { startDynamo, fakeConnections };
