'use strict';
// Offline check of a CloudFormation template against the CDK's maintained service specification
// (npm @aws-cdk/aws-service-spec, built from CloudFormation's resource schemas; the older
// @aws-cdk/cfnspec stopped in 2023): every resource type and property exists, required
// properties are present, values have the specified shape and one of the allowed values where
// the specification lists them, and every Ref, Fn::GetAtt, Fn::Sub, Condition and DependsOn
// names something the template defines. The specification has no Lambda runtime list (Runtime
// is a plain string): test/lifecycle.test.js checks runtimes by date.
// Usage: node tools/cfn-check.js template.yaml (exit 1 with the problems).
const fs = require('node:fs');
const yaml = require('js-yaml');

const PSEUDO = new Set(['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region',
  'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix']);
const INTRINSICS = new Set(['Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Join', 'Fn::If', 'Fn::Select', 'Fn::Split',
  'Fn::GetAZs', 'Fn::ImportValue', 'Fn::FindInMap', 'Fn::Base64', 'Fn::Cidr', 'Fn::Length', 'Fn::ToJsonString']);
const CONDITION_FNS = new Set(['Fn::And', 'Fn::Or', 'Fn::Not', 'Fn::Equals', 'Condition']);

function isIntrinsic(v) {
  return v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && INTRINSICS.has(Object.keys(v)[0]);
}

function check(template, spec) {
  const problems = [];
  const resources = template.Resources || {};
  const parameters = template.Parameters || {};
  const conditions = template.Conditions || {};
  const names = new Set([...Object.keys(resources), ...Object.keys(parameters)]);

  function attributeExists(resource, attribute) {
    const r = resources[resource];
    const type = r && spec.resource(r.Type);
    return !!(type && type.attributes && type.attributes[attribute]);
  }

  // references inside any value: Ref, GetAtt, Sub, If conditions
  function references(v, where) {
    if (Array.isArray(v)) return v.forEach((x, i) => references(x, `${where}[${i}]`));
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'Ref' && typeof x === 'string' && !names.has(x) && !PSEUDO.has(x)) problems.push(`${where}: Ref to unknown '${x}'`);
      if (k === 'Fn::GetAtt') {
        const [res, ...rest] = Array.isArray(x) ? x : String(x).split('.');
        if (!resources[res]) problems.push(`${where}: Fn::GetAtt of unknown resource '${res}'`);
        else if (!attributeExists(res, rest.join('.'))) problems.push(`${where}: ${resources[res].Type} has no attribute '${rest.join('.')}'`);
      }
      if (k === 'Fn::Sub') {
        const [text, vars] = Array.isArray(x) ? x : [x, {}];
        for (const m of String(text).matchAll(/\$\{([^!}][^}]*)\}/g)) {
          const ref = m[1];
          if ((vars && ref in vars) || PSEUDO.has(ref)) continue;
          const [res, ...attr] = ref.split('.');
          if (attr.length === 0 ? !names.has(res) : !(resources[res] && attributeExists(res, attr.join('.')))) {
            problems.push(`${where}: Fn::Sub names unknown '${ref}'`);
          }
        }
      }
      if ((k === 'Fn::If' && Array.isArray(x) && !conditions[x[0]]) || (k === 'Condition' && typeof x === 'string' && !conditions[x])) {
        problems.push(`${where}: unknown condition '${k === 'Condition' ? x : x[0]}'`);
      }
      references(x, `${where}.${k}`);
    }
  }

  /** Problems of a value against a service-spec type, or [] when it fits. */
  function fit(type, v, where) {
    if (isIntrinsic(v)) {
      const [k, x] = Object.entries(v)[0];
      if (k === 'Fn::If' && Array.isArray(x)) return [...fit(type, x[1], `${where}(then)`), ...fit(type, x[2], `${where}(else)`)];
      return [];
    }
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && Object.keys(v)[0] === 'Ref'
      && v.Ref === 'AWS::NoValue') return [];
    switch (type.type) {
      case 'string': {
        if (typeof v !== 'string' && typeof v !== 'number') return [`${where}: expected a string, got ${JSON.stringify(v)}`];
        if (type.allowedValues && typeof v === 'string' && !type.allowedValues.includes(v)) {
          return [`${where}: '${v}' is not one of ${type.allowedValues.join(', ')}`];
        }
        return [];
      }
      case 'integer': {
        if (!(Number.isInteger(v) || /^-?\d+$/.test(String(v)))) return [`${where}: expected an integer, got ${JSON.stringify(v)}`];
        if (type.allowedValues && !type.allowedValues.includes(Number(v))) return [`${where}: ${v} is not one of ${type.allowedValues.join(', ')}`];
        return [];
      }
      case 'number':
        return typeof v === 'number' || /^-?\d+(\.\d+)?$/.test(String(v)) ? [] : [`${where}: expected a number, got ${JSON.stringify(v)}`];
      case 'boolean':
        return typeof v === 'boolean' || v === 'true' || v === 'false' ? [] : [`${where}: expected a boolean, got ${JSON.stringify(v)}`];
      case 'json':
        return typeof v === 'object' || typeof v === 'string' ? [] : [`${where}: expected JSON, got ${JSON.stringify(v)}`];
      case 'date-time':
        return typeof v === 'string' ? [] : [`${where}: expected a date-time string`];
      case 'null':
        return v === null ? [] : [`${where}: expected null`];
      case 'tag':
        return fitObject({ Key: { type: { type: 'string' }, required: true }, Value: { type: { type: 'string' }, required: true } }, v, where);
      case 'array':
        if (!Array.isArray(v)) return [`${where}: expected a list`];
        return v.flatMap((item, i) => fit(type.element, item, `${where}[${i}]`));
      case 'map':
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return [`${where}: expected a map`];
        return Object.entries(v).flatMap(([k, item]) => fit(type.element, item, `${where}.${k}`));
      case 'ref': {
        const def = spec.typeDefinition(type.reference.$ref);
        if (!def) return [`${where}: the specification has no type ${type.reference.$ref}`];
        return fitObject(def.properties, v, where);
      }
      case 'union': {
        // A structured member whose shape the value has decides (so "a list of KeySchema or any
        // JSON" still checks a list's items); the catch-all json member only when none has.
        const structured = type.types.filter((t) => t.type !== 'json' && sameShape(t, v));
        const members = structured.length > 0 ? structured : type.types;
        const each = members.map((t) => fit(t, v, where));
        return each.some((p) => p.length === 0) ? [] : each.reduce((a, b) => (a.length <= b.length ? a : b));
      }
      default:
        return [`${where}: unknown type '${type.type}' in the specification`];
    }
  }

  function sameShape(type, v) {
    if (type.type === 'array') return Array.isArray(v);
    if (type.type === 'ref' || type.type === 'map' || type.type === 'tag') return typeof v === 'object' && v !== null && !Array.isArray(v);
    return typeof v !== 'object' || v === null;
  }

  function fitObject(props, values, where) {
    if (typeof values !== 'object' || values === null || Array.isArray(values)) return [`${where}: expected an object`];
    const out = [];
    for (const [name, p] of Object.entries(props)) {
      if (p.required && !(name in values)) out.push(`${where}: required property '${name}' is missing`);
    }
    for (const [name, v] of Object.entries(values)) {
      const p = props[name];
      if (!p) { out.push(`${where}: unknown property '${name}'`); continue; }
      out.push(...fit(p.type, v, `${where}.${name}`));
    }
    return out;
  }

  for (const [cname, c] of Object.entries(conditions)) references(c, `Conditions.${cname}`);
  for (const [rname, r] of Object.entries(template.Rules || {})) references(r, `Rules.${rname}`);
  for (const [id, r] of Object.entries(resources)) {
    const where = `Resources.${id}`;
    const type = spec.resource(r.Type);
    if (!type) { problems.push(`${where}: unknown resource type '${r.Type}'`); continue; }
    if (r.Condition && !conditions[r.Condition]) problems.push(`${where}: unknown condition '${r.Condition}'`);
    for (const d of [].concat(r.DependsOn || [])) if (!resources[d]) problems.push(`${where}: DependsOn unknown '${d}'`);
    const props = { ...(r.Properties || {}) };
    // `aws cloudformation package` uploads a local folder named in Code and puts S3Bucket/S3Key there
    if (r.Type === 'AWS::Lambda::Function' && typeof props.Code === 'string') props.Code = { S3Bucket: 'packaged', S3Key: 'packaged' };
    problems.push(...fitObject(type.properties || {}, props, where));
    if (r.Type === 'AWS::Lambda::Function' && typeof (r.Properties || {}).Code === 'string'
      && !fs.existsSync(require('node:path').join(module.exports.baseDir || '.', r.Properties.Code))) {
      problems.push(`${where}.Code: local folder '${r.Properties.Code}' does not exist`);
    }
    references(r.Properties || {}, where);
  }
  for (const [oid, o] of Object.entries(template.Outputs || {})) {
    if (o.Condition && !conditions[o.Condition]) problems.push(`Outputs.${oid}: unknown condition '${o.Condition}'`);
    if (!('Value' in o)) problems.push(`Outputs.${oid}: no Value`);
    references(o, `Outputs.${oid}`);
  }
  return problems;
}

let loaded;

/** The CDK's service specification (@aws-cdk/aws-service-spec), loaded once, as two look-ups. */
function serviceSpec() {
  if (!loaded) {
    const { loadAwsServiceSpecSync } = require('@aws-cdk/aws-service-spec');
    const db = loadAwsServiceSpecSync();
    const byType = new Map(db.all('resource').map((r) => [r.cloudFormationType, r]));
    loaded = {
      resource: (cfnType) => byType.get(cfnType) || null,
      typeDefinition: (id) => { try { return db.get('typeDefinition', id); } catch (missing) { return null; } },
      version: require('@aws-cdk/aws-service-spec/package.json').version,
    };
  }
  return loaded;
}

function checkFile(file) {
  module.exports.baseDir = require('node:path').dirname(file);
  return check(yaml.load(fs.readFileSync(file, 'utf8')), serviceSpec());
}

module.exports = { check, checkFile, serviceSpec };

if (require.main === module) {
  const file = process.argv[2] || 'template.yaml';
  const problems = checkFile(file);
  for (const p of problems) console.error(p);
  console.log(problems.length === 0
    ? `${file}: valid against the AWS service specification (@aws-cdk/aws-service-spec ${serviceSpec().version})`
    : `${problems.length} problem(s)`);
  process.exit(problems.length === 0 ? 0 : 1);
}
