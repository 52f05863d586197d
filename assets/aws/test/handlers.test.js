'use strict';
// The WebSocket and SNS handlers with faked AWS calls (aws-sdk-client-mock): the stale-
// connection clean-up the chat sample gets wrong (FACTS 30-31), the token check, the bound.
const test = require('node:test');
const assert = require('node:assert/strict');
const { mockClient } = require('aws-sdk-client-mock');
const { DynamoDBClient, ScanCommand, DeleteItemCommand, PutItemCommand, UpdateItemCommand } = require('@aws-sdk/client-dynamodb');
const { ApiGatewayManagementApiClient, PostToConnectionCommand, GoneException } = require('@aws-sdk/client-apigatewaymanagementapi');

process.env.AWS_REGION = 'eu-west-1';
process.env.CONNECTIONS_TABLE = 'connections';
process.env.MESSAGES_TABLE = 'messages';
const { sendMessage } = require('../functions/sendmessage');
const { connect } = require('../functions/connect');
const { disconnect } = require('../functions/disconnect');
const { onSns } = require('../functions/sns');
const connections = require('../functions/lib/connections');
const defaultRoute = require('../functions/default');

const ddbMock = mockClient(DynamoDBClient);
const apiMock = mockClient(ApiGatewayManagementApiClient);
const dynamo = new DynamoDBClient({});
const manager = new ApiGatewayManagementApiClient({ endpoint: 'https://example.execute-api.eu-west-1.amazonaws.com/live' });

function gone() {
  return new GoneException({ message: 'Gone', $metadata: { httpStatusCode: 410 } });
}

function stored(...ids) {
  ddbMock.on(ScanCommand).resolves({ Items: ids.map((id) => ({ connectionId: { S: id } })) });
  ddbMock.on(UpdateItemCommand).resolves({ Attributes: { last: { N: '7' } } });
}

function sent() {
  return apiMock.commandCalls(PostToConnectionCommand).map((c) => c.args[0].input.ConnectionId).sort();
}

function deleted() {
  return ddbMock.commandCalls(DeleteItemCommand).map((c) => c.args[0].input.Key.connectionId.S);
}

test.beforeEach(() => {
  ddbMock.reset();
  apiMock.reset();
});

test('a 410 deletes the gone id, not the sender, and the others still receive the message', async () => {
  stored('sender', 'stale', 'other');
  apiMock.on(PostToConnectionCommand).resolves({});
  apiMock.on(PostToConnectionCommand, { ConnectionId: 'stale' }).rejects(gone());
  const r = await sendMessage({ requestContext: { connectionId: 'sender' }, body: '{"action":"sendmessage","data":"hi"}' },
    dynamo, manager);
  assert.equal(r.statusCode, 200);
  assert.deepEqual(deleted(), ['stale']);
  assert.deepEqual(sent(), ['other', 'sender', 'stale']);
  const data = apiMock.commandCalls(PostToConnectionCommand)[0].args[0].input.Data;
  assert.equal(Buffer.from(data).toString('utf8'), 'hi');
});

test('a 410 seen only through $metadata (no GoneException name) is still a gone connection', async () => {
  const err = Object.assign(new Error('gone'), { name: 'SomethingElse', $metadata: { httpStatusCode: 410 } });
  assert.equal(connections.isGone(err), true);
  assert.equal(connections.isGone(Object.assign(new Error('x'), { $metadata: { httpStatusCode: 500 } })), false);
});

test('one connection failing otherwise does not fail the broadcast and is not deleted', async () => {
  stored('a', 'broken', 'c');
  apiMock.on(PostToConnectionCommand).resolves({});
  apiMock.on(PostToConnectionCommand, { ConnectionId: 'broken' }).rejects(
    Object.assign(new Error('Rate exceeded'), { name: 'LimitExceededException', $metadata: { httpStatusCode: 429 } }));
  const r = await connections.broadcast(dynamo, manager, ['a', 'broken', 'c'], 'x');
  assert.equal(r.sent, 2);
  assert.deepEqual(r.failed, ['broken']);
  assert.deepEqual(deleted(), []);
});

test('a failed clean-up of a gone id does not fail the broadcast either', async () => {
  apiMock.on(PostToConnectionCommand).rejects(gone());
  ddbMock.on(DeleteItemCommand).rejects(new Error('throttled'));
  const r = await connections.broadcast(dynamo, manager, ['x', 'y'], 'm');
  assert.deepEqual(r.gone.sort(), ['x', 'y']);
});

test('sends run concurrently, never more than the bound at once', async () => {
  let inFlight = 0;
  let most = 0;
  apiMock.on(PostToConnectionCommand).callsFake(async () => {
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise((r) => setImmediate(r));
    inFlight--;
    return {};
  });
  const ids = Array.from({ length: 20 }, (_, i) => `id${i}`);
  const r = await connections.broadcast(dynamo, manager, ids, 'm', 4);
  assert.equal(r.sent, 20);
  assert.equal(most, 4);
});

test('the scan follows every page of the connections table', async () => {
  ddbMock.on(ScanCommand)
    .resolvesOnce({ Items: [{ connectionId: { S: 'a' } }], LastEvaluatedKey: { connectionId: { S: 'a' } } })
    .resolvesOnce({ Items: [{ connectionId: { S: 'b' } }] });
  assert.deepEqual(await connections.all(dynamo), ['a', 'b']);
});

test('sendmessage without string data is a 400 and sends nothing', async () => {
  const r = await sendMessage({ requestContext: { connectionId: 's' }, body: '{"action":"sendmessage"}' }, dynamo, manager);
  assert.equal(r.statusCode, 400);
  assert.equal(apiMock.commandCalls(PostToConnectionCommand).length, 0);
});

test('an SNS message is logged for the pollers and pushed to every connection', async () => {
  stored('a', 'b');
  apiMock.on(PostToConnectionCommand).resolves({});
  await onSns({ Records: [{ Sns: { Message: 'from sns' } }] }, dynamo, manager);
  const put = ddbMock.commandCalls(PutItemCommand)[0].args[0].input;
  assert.equal(put.TableName, 'messages');
  assert.equal(put.Item.seq.N, '7');
  assert.equal(put.Item.data.S, 'from sns');
  assert.deepEqual(sent(), ['a', 'b']);
});

test('without a token parameter every connection is accepted and stored with a TTL', async () => {
  ddbMock.on(PutItemCommand).resolves({});
  const r = await connect({ requestContext: { connectionId: 'c1' } }, dynamo, '');
  assert.equal(r.statusCode, 200);
  const item = ddbMock.commandCalls(PutItemCommand)[0].args[0].input.Item;
  assert.equal(item.connectionId.S, 'c1');
  assert.ok(Number(item.ttl.N) > Date.now() / 1000 + 7200);
});

test('with a token: missing is 401, wrong is 403, right connects', async () => {
  ddbMock.on(PutItemCommand).resolves({});
  const missing = await connect({ requestContext: { connectionId: 'c' } }, dynamo, 's3cret');
  const wrong = await connect({ requestContext: { connectionId: 'c' }, queryStringParameters: { token: 'nope' } }, dynamo, 's3cret');
  assert.equal(missing.statusCode, 401);
  assert.equal(wrong.statusCode, 403);
  assert.equal(ddbMock.commandCalls(PutItemCommand).length, 0);
  const right = await connect({ requestContext: { connectionId: 'c' }, queryStringParameters: { token: 's3cret' } }, dynamo, 's3cret');
  assert.equal(right.statusCode, 200);
  assert.equal(ddbMock.commandCalls(PutItemCommand).length, 1);
});

test('$disconnect deletes its own connection', async () => {
  ddbMock.on(DeleteItemCommand).resolves({});
  await disconnect({ requestContext: { connectionId: 'bye' } }, dynamo);
  assert.deepEqual(deleted(), ['bye']);
});

test('$default answers with help that names sendmessage', async () => {
  const r = await defaultRoute.handler({});
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /"action":"sendmessage"/);
});
