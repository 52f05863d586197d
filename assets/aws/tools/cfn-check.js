'use strict';
// Offline check of a CloudFormation template against the resource specification in the npm
// package @aws-cdk/cfnspec (cfn-lint is Python, whose registry is unreachable here):
// every resource type and property exists, required properties are present, values have the
// specified shape, and every Ref, Fn::GetAtt, Fn::Sub, Condition and DependsOn names something
// the template defines. Usage: node tools/cfn-check.js template.yaml (exit 1 with the problems).
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
    const type = r && spec.ResourceTypes[r.Type];
    return !!(type && type.Attributes && type.Attributes[attribute]);
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

  function checkPrimitive(type, v, where) {
    if (isIntrinsic(v)) return;
    const ok = {
      String: typeof v === 'string' || typeof v === 'number',
      Integer: Number.isInteger(v) || /^-?\d+$/.test(String(v)),
      Long: Number.isInteger(v) || /^-?\d+$/.test(String(v)),
      Double: typeof v === 'number' || /^-?\d+(\.\d+)?$/.test(String(v)),
      Boolean: typeof v === 'boolean' || v === 'true' || v === 'false',
      Json: typeof v === 'object' || typeof v === 'string',
      Timestamp: typeof v === 'string',
    }[type];
    if (ok === undefined) problems.push(`${where}: unknown primitive type ${type}`);
    else if (!ok) problems.push(`${where}: expected ${type}, got ${JSON.stringify(v)}`);
  }

  function checkValue(resourceType, prop, v, where) {
    if (isIntrinsic(v)) {
      const [k, x] = Object.entries(v)[0];
      if (k === 'Fn::If') { checkValue(resourceType, prop, x[1], `${where}(then)`); checkValue(resourceType, prop, x[2], `${where}(else)`); }
      return;
    }
    if (prop.PrimitiveType) return checkPrimitive(prop.PrimitiveType, v, where);
    if (prop.Type === 'List' || prop.Type === 'Map') {
      if (prop.Type === 'List' && !Array.isArray(v)) return problems.push(`${where}: expected a list`);
      if (prop.Type === 'Map' && (typeof v !== 'object' || Array.isArray(v))) return problems.push(`${where}: expected a map`);
      for (const [i, item] of Object.entries(v)) {
        const itemWhere = `${where}[${i}]`;
        if (prop.PrimitiveItemType) checkPrimitive(prop.PrimitiveItemType, item, itemWhere);
        else if (prop.ItemType) checkObject(resourceType, prop.ItemType, item, itemWhere);
      }
      return;
    }
    if (prop.Type) checkObject(resourceType, prop.Type, v, where);
  }

  function checkObject(resourceType, typeName, v, where) {
    if (isIntrinsic(v)) return checkValue(resourceType, {}, v, where);
    const spec_ = spec.PropertyTypes[`${resourceType}.${typeName}`] || spec.PropertyTypes[typeName];
    if (!spec_) return problems.push(`${where}: no property type ${resourceType}.${typeName} in the specification`);
    if (typeof v !== 'object' || Array.isArray(v) || v === null) return problems.push(`${where}: expected an object (${typeName})`);
    checkProperties(resourceType, spec_.Properties || {}, v, where);
  }

  function checkProperties(resourceType, props, values, where) {
    for (const [name, p] of Object.entries(props)) {
      if (p.Required && !(name in values)) problems.push(`${where}: required property '${name}' is missing`);
    }
    for (const [name, v] of Object.entries(values)) {
      const p = props[name];
      if (!p) { problems.push(`${where}: unknown property '${name}'`); continue; }
      checkValue(resourceType, p, v, `${where}.${name}`);
    }
  }

  for (const [cname, c] of Object.entries(conditions)) references(c, `Conditions.${cname}`);
  for (const [rname, r] of Object.entries(template.Rules || {})) references(r, `Rules.${rname}`);
  for (const [id, r] of Object.entries(resources)) {
    const where = `Resources.${id}`;
    const type = spec.ResourceTypes[r.Type];
    if (!type) { problems.push(`${where}: unknown resource type '${r.Type}'`); continue; }
    if (r.Condition && !conditions[r.Condition]) problems.push(`${where}: unknown condition '${r.Condition}'`);
    for (const d of [].concat(r.DependsOn || [])) if (!resources[d]) problems.push(`${where}: DependsOn unknown '${d}'`);
    const props = { ...(r.Properties || {}) };
    // `aws cloudformation package` uploads a local folder named in Code and puts S3Bucket/S3Key there
    if (r.Type === 'AWS::Lambda::Function' && typeof props.Code === 'string') props.Code = { S3Bucket: 'packaged', S3Key: 'packaged' };
    checkProperties(r.Type, type.Properties || {}, props, where);
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

function checkFile(file) {
  const spec = require('@aws-cdk/cfnspec/spec/specification.json');
  module.exports.baseDir = require('node:path').dirname(file);
  return check(yaml.load(fs.readFileSync(file, 'utf8')), spec);
}

module.exports = { check, checkFile };

if (require.main === module) {
  const file = process.argv[2] || 'template.yaml';
  const problems = checkFile(file);
  for (const p of problems) console.error(p);
  console.log(problems.length === 0 ? `${file}: valid against the CloudFormation resource specification` : `${problems.length} problem(s)`);
  process.exit(problems.length === 0 ? 0 : 1);
}
