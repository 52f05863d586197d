'use strict';
// The stack's template, checked offline against the CDK's service specification
// (@aws-cdk/aws-service-spec), and the checker itself shown to catch each kind of mistake.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { check, checkFile, serviceSpec } = require('../tools/cfn-check');
const spec = serviceSpec();

test('template.yaml is valid against the AWS service specification', () => {
  assert.deepEqual(checkFile(path.join(__dirname, '..', 'template.yaml')), []);
});

test('the checker finds unknown types and properties, missing required ones and wrong shapes', () => {
  const problems = check({
    Resources: {
      A: { Type: 'AWS::SNS::Topicc' },
      B: { Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [{ AttributeName: 'id' }], Bogus: 1 } },
      C: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 'one day' } },
      D: { Type: 'AWS::RDS::DBProxy', Properties: { DBProxyName: 'p', EngineFamily: 'POSTGRES', RoleArn: 'r', VpcSubnetIds: ['s'],
        RequireTLS: 'yes', Auth: [{ AuthScheme: 'SECRETS', Bogus2: 1 }] } },
      E: { Type: 'AWS::Lambda::Function', Properties: { Code: { S3Bucket: 'b', S3Key: 'k' }, Role: 'r', Runtime: 'nodejs24.x',
        Tags: [{ Key: 'project' }], MemorySize: { 'Fn::If': ['C', 256, 'lots'] } } },
    },
  }, spec);
  assert.ok(problems.some((p) => /A: unknown resource type 'AWS::SNS::Topicc'/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /B: unknown property 'Bogus'/.test(p)));
  assert.ok(problems.some((p) => /B.KeySchema\[0\]: required property 'KeyType' is missing/.test(p)));
  assert.ok(problems.some((p) => /C.RetentionInDays: expected an integer/.test(p)));
  assert.ok(problems.some((p) => /D.EngineFamily: 'POSTGRES' is not one of MYSQL, POSTGRESQL/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /D.RequireTLS: expected a boolean/.test(p)));
  assert.ok(problems.some((p) => /D.Auth\[0\]: unknown property 'Bogus2'/.test(p)));
  assert.ok(problems.some((p) => /E.Tags\[0\]: required property 'Value' is missing/.test(p)));
  assert.ok(problems.some((p) => /E.MemorySize\(else\): expected an integer/.test(p)));
  assert.ok(!problems.some((p) => /E.MemorySize\(then\)/.test(p)));
});

test('the specification is the maintained one: it knows resource types newer than @aws-cdk/cfnspec (2023)', () => {
  assert.ok(spec.resource('AWS::Lambda::Function'));
  // RDS Proxy's DefaultAuthScheme (end-to-end IAM authentication) came after the old spec's last release
  assert.ok(spec.resource('AWS::RDS::DBProxy').properties.DefaultAuthScheme);
});

test('the checker finds Ref, GetAtt, Sub, Condition and DependsOn naming nothing', () => {
  const problems = check({
    Conditions: { Yes: { 'Fn::Equals': ['a', 'a'] } },
    Resources: {
      T: { Type: 'AWS::SNS::Topic', DependsOn: 'Nope', Condition: 'Maybe' },
      L: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: { 'Fn::Sub': '${Missing}-${T.NoSuchAttr}-${AWS::Region}-${!Literal}' } } },
      S: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'Ghost' }, Protocol: 'lambda',
        Endpoint: { 'Fn::GetAtt': ['L', 'Nope'] }, Region: { 'Fn::If': ['Unknown', 'a', 'b'] } } },
    },
  }, spec);
  for (const expected of [/DependsOn unknown 'Nope'/, /unknown condition 'Maybe'/, /Fn::Sub names unknown 'Missing'/,
    /Fn::Sub names unknown 'T.NoSuchAttr'/, /Ref to unknown 'Ghost'/, /AWS::Logs::LogGroup has no attribute 'Nope'/,
    /unknown condition 'Unknown'/]) {
    assert.ok(problems.some((p) => expected.test(p)), `${expected} not in:\n${problems.join('\n')}`);
  }
  assert.equal(problems.filter((p) => /Literal|AWS::Region/.test(p)).length, 0);
});
