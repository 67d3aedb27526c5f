'use strict';
// Deterministic corpus of realistic policies generated from the IAM data: mixes of
// services, wildcards, conditions, Amazon Connect persona statements; sizes from about
// 200 B to 6 KB.
const { rng } = require('./rng');

const REGIONS = ['eu-west-2', 'us-east-1', 'ap-southeast-2', 'eu-central-1'];
const SERVICES = ['connect', 'connect', 'connect', 'voiceid', 'wisdom', 'profile', 'cases', 'app-integrations', 'connect-campaigns', 's3', 'kms', 'lambda', 'logs', 'iam', 'ds', 'dynamodb', 'sqs', 'sns', 'kinesis', 'ec2'];

function arnFor(r, iam, service, account, region) {
  const types = iam.resourceTypesOf(service);
  if (!types.length || r.chance(0.25)) return '*';
  const t = r.pick(types);
  return t.arn
    .replace('${Partition}', 'aws')
    .replace('${Region}', region)
    .replace('${Account}', account)
    .replace(/\$\{[A-Za-z]*Id\}/g, () => (r.chance(0.5) ? '*' : 'a1b2c3d4-5678-90ab-cdef-' + String(100000000000 + r.int(899999999999))))
    .replace(/\$\{[A-Za-z]+\}/g, () => (r.chance(0.5) ? '*' : 'example' + r.int(100)));
}

function conditionFor(r) {
  switch (r.int(6)) {
    case 0: return { StringEquals: { 'aws:ResourceTag/Team': r.pick(['contact-centre', 'dev', 'ops']) } };
    case 1: return { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
    case 2: return { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.0/24'] } };
    case 3: return { StringEquals: { 'connect:InstanceId': 'a1b2c3d4-5678-90ab-cdef-111122223333' } };
    case 4: return { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['Team', 'CostCentre'] } };
    default: return { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/connect-*' } };
  }
}

function statementFor(r, iam, i, account, region) {
  const service = r.pick(SERVICES);
  const actions = iam.actionsOf(service);
  const n = 1 + r.int(Math.min(24, actions.length));
  const list = new Set();
  for (let k = 0; k < n; k++) {
    const a = r.pick(actions);
    if (r.chance(0.08)) list.add(`${service}:${a.name.slice(0, 3 + r.int(4))}*`);
    else list.add(a.fullName);
  }
  if (r.chance(0.03)) list.add(`${service}:*`);
  const st = { Sid: `Stmt${i}${service.replace(/[^a-z0-9]/gi, '')}`, Effect: r.chance(0.85) ? 'Allow' : 'Deny', Action: [...list] };
  const resources = [];
  for (let k = 0, m = 1 + r.int(3); k < m; k++) resources.push(arnFor(r, iam, service, account, region));
  st.Resource = resources.length === 1 ? resources[0] : resources;
  if (r.chance(0.4)) st.Condition = conditionFor(r);
  return st;
}

/** Returns `count` policy texts, deterministic for a seed. */
function generatePolicies(iam, count = 2000, seed = 20261125) {
  const r = rng(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    const account = String(100000000000 + r.int(899999999999));
    const region = r.pick(REGIONS);
    const target = 200 + Math.floor(Math.pow(r(), 2) * 5800); // skewed towards small, up to ~6 KB
    const statements = [];
    let text = '';
    for (let s = 0; s < 40; s++) {
      statements.push(statementFor(r, iam, s, account, region));
      text = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, r.chance(0.7) ? 2 : 0);
      if (text.length >= target) break;
    }
    if (text.length > 6144 && statements.length > 1) {
      statements.pop();
      text = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
    }
    out.push(text);
  }
  return out;
}

module.exports = { generatePolicies };
