'use strict';
// SDK clients made once per execution environment (outside the handlers), as AWS advises:
// later invocations in the same environment reuse their connections. The SDK v3 ships with
// the nodejs24.x runtime, so nothing here is bundled.
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { ApiGatewayManagementApiClient } = require('@aws-sdk/client-apigatewaymanagementapi');

let dynamo;
const managers = new Map();

function dynamoClient() {
  if (!dynamo) dynamo = new DynamoDBClient({});
  return dynamo;
}

/** The @connections client for one API stage, e.g. https://abc.execute-api.eu-west-1.amazonaws.com/live. */
function managementClient(endpoint) {
  if (!endpoint) throw new Error('no @connections endpoint: set CONNECTIONS_URL');
  let c = managers.get(endpoint);
  if (!c) {
    c = new ApiGatewayManagementApiClient({ endpoint });
    managers.set(endpoint, c);
  }
  return c;
}

/** The stage's @connections endpoint from a WebSocket event (the chat sample's way). */
function endpointOf(event) {
  const rc = event.requestContext || {};
  return process.env.CONNECTIONS_URL || `https://${rc.domainName}/${rc.stage}`;
}

module.exports = { dynamoClient, managementClient, endpointOf };
