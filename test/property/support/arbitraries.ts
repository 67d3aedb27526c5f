import * as fc from 'fast-check';
import { loadIamData } from '../../../server/src/engine';
import type { DocumentKind } from '../../../server/src/engine';
import { Seed } from './seeds';

export const KINDS: readonly DocumentKind[] = ['identity', 'scp', 'endpoint', 'resource', 'trust', 'cloudtrail'];
/** A kind, or none (content guess). */
export const kindArb: fc.Arbitrary<DocumentKind | undefined> = fc.constantFrom<DocumentKind | undefined>(undefined, ...KINDS);

// ---- strings that stress text handling ----

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
/** Characters IAM rejects or that break naive code: controls, NUL, U+0100+, astral, BOM, lone surrogates, line separators. */
const nastyChar = fc.oneof(
  loneSurrogate,
  fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '\u0100', '\u2028', '\u2029', '\ufeff', '\ufffd', '\u{1f600}', '\u0301', '\r', '\n', '\t', '\\', '"', '$', '{', '}', '*', '?', ':', '/'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
export const nastyString = fc.oneof(
  { arbitrary: fc.string({ maxLength: 12 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 2 },
  { arbitrary: fc.array(nastyChar, { maxLength: 8 }).map((a) => a.join('')), weight: 2 },
);

/** JSON values whose strings include lone surrogates and unusual characters. */
export const jsonish: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), nastyString,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor', 'prototype', 'Statement', 'Records', 'Action')), tie('v'), { maxKeys: 4 }),
  ),
})).v;

// ---- policy-shaped documents ----

const iam = loadIamData();
const realActions = [...iam.actionsOf('connect'), ...iam.actionsOf('voiceid'), ...iam.actionsOf('iam').slice(0, 40), ...iam.actionsOf('kms').slice(0, 20)].map((a) => a.fullName);

/** Good value most of the time, a value of any type sometimes. */
function mostly<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: jsonish, weight: 1 });
}
function oneOrMany<T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | T[]> {
  return fc.oneof(a, fc.array(a, { maxLength: 5 }));
}

const actionArb = fc.oneof(
  { arbitrary: fc.constantFrom(...realActions), weight: 4 },
  {
    arbitrary: fc.constantFrom(
      '*', 'connect:*', 'connect:Get*', 'connect:*User*', 'connect:Describe?ser', 'CONNECT:createuser', 'Connect:CreateUser', 'connect:', ':', 'connect',
      'connect:NoSuchThing', 'conect:CreateUser', 'connect:CreateUsr', 'connect:Create User', 'connect:*a*a*a*a*a*a*b', '*:*', 'c*:c*', 'connect:??????',
      'iam:PassRole', 'sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'kms:Decrypt', 'ds:*', 'iam:CreateServiceLinkedRole', 'connect:AdminGetEmergencyAccessToken', 'connect:GetFederationToken',
    ),
    weight: 3,
  },
  { arbitrary: nastyString, weight: 1 },
);
const arnArb = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      '*', 'arn:aws:connect:eu-west-2:111122223333:instance/abc', 'arn:aws:connect:*:*:instance/*', 'arn:aws:connect:eu-west-2:111122223333:instance/abc/agent/*',
      'arn:aws:connect:eu-west-2:111122223333:instance/abc/user/${aws:userid}', 'arn:aws:connect:eu-west-2:111122223333:phone-number/p', 'arn:aws:connect:eu-west-2:111122223333:instance/abc/queue/q',
      'arn:aws:voiceid:eu-west-2:111122223333:domain/d', 'arn:aws:kms:eu-west-2:111122223333:key/k', 'arn:aws:iam::111122223333:role/x', 'arn:aws:iam::111122223333:root',
      'arn:aws:s3:::bucket/*', 'arn:aws', 'arn:aws:connect', 'arn::::', 'arn:aws:connect:eu-west-2:1111:instance/abc', 'arn:aws-cn:connect:cn-north-1:111122223333:instance/x',
      'arn:${aws:Partition}:connect:*:*:*', 'arn:aws:connect:eu-west-2:111122223333:instance/${', '111122223333', 'connect.amazonaws.com',
    ),
    weight: 4,
  },
  { arbitrary: nastyString, weight: 1 },
);
const principalArb = fc.oneof(
  fc.constant('*'),
  fc.record({ AWS: mostly(oneOrMany(arnArb)) }, { requiredKeys: [] }),
  fc.record({ Service: mostly(oneOrMany(fc.constantFrom('connect.amazonaws.com', 'voiceid.amazonaws.com', 'lambda.amazonaws.com', 'connect', '*'))) }),
  fc.record({ Federated: mostly(fc.constantFrom('arn:aws:iam::111122223333:saml-provider/idp', 'cognito-identity.amazonaws.com', 'accounts.google.com')) }),
  fc.record({ CanonicalUser: nastyString, AWS: arnArb, Bogus: jsonish }, { requiredKeys: [] }),
);
const operatorArb = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      'StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike', 'StringEqualsIgnoreCase', 'ArnLike', 'ArnEquals', 'Bool', 'BoolIfExists', 'Null', 'NullIfExists',
      'NumericLessThan', 'DateGreaterThan', 'IpAddress', 'NotIpAddress', 'BinaryEquals', 'ForAllValues:StringEquals', 'ForAnyValue:StringLike', 'ForAllValues:Bool',
      'StringEqual', 'stringequals', 'ForSomeValues:StringEquals', 'StringEqualsIfExistsIfExists',
    ),
    weight: 4,
  },
  { arbitrary: nastyString, weight: 1 },
);
const conditionKeyArb = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      'aws:MultiFactorAuthPresent', 'aws:ResourceTag/Role', 'aws:RequestTag/Team', 'aws:TagKeys', 'aws:SourceIp', 'aws:PrincipalArn', 'aws:SourceAccount', 'aws:SourceVpce',
      'aws:CurrentTime', 'aws:username', 'connect:InstanceId', 'connect:UserArn', 'connect:SearchTag/Dept', 'kms:ViaService', 'kms:EncryptionContext:aws:voiceid:domain:arn',
      'iam:AWSServiceName', 'aws:ResourceTag/', 'aws:ResourceTag', 'aws:MultiFactorAuthAge', 'connect:NoSuchKey', 'SAML:aud', 'aws:', 'constructor', '__proto__',
    ),
    weight: 4,
  },
  { arbitrary: nastyString, weight: 1 },
);
const condValueArb = fc.oneof(
  fc.constantFrom('true', 'false', true, 1, '203.0.113.0/24', '2001:db8::/32', '10.0.0.300/8', '2026-01-01T00:00:00Z', 'Admin', '${aws:username}', '*', '', 'voiceid.eu-west-2.amazonaws.com', 'arn:aws:iam::*:role/x'),
  nastyString,
);
const conditionArb = fc.dictionary(operatorArb, mostly(fc.dictionary(conditionKeyArb, mostly(oneOrMany(condValueArb)), { maxKeys: 3 })), { maxKeys: 3 });

const statementArb = fc.record(
  {
    Sid: mostly(fc.constantFrom('Admin1', 'Admin1', 'has space', 'dash-id', '', 'Ünïcode')),
    Effect: mostly(fc.constantFrom('Allow', 'Deny', 'allow', 'Permit')),
    Action: mostly(oneOrMany(actionArb)),
    NotAction: mostly(oneOrMany(actionArb)),
    Resource: mostly(oneOrMany(arnArb)),
    NotResource: mostly(oneOrMany(arnArb)),
    Principal: mostly(principalArb),
    NotPrincipal: mostly(principalArb),
    Condition: mostly(conditionArb),
    Actions: actionArb,
  },
  { requiredKeys: [] },
);
export const policyValueArb: fc.Arbitrary<unknown> = fc.record(
  {
    Version: mostly(fc.constantFrom('2012-10-17', '2008-10-17', '2012-10-18', '')),
    Id: nastyString,
    Statement: mostly(fc.oneof(statementArb, fc.array(statementArb, { maxLength: 4 }))),
    Extra: jsonish,
  },
  { requiredKeys: [] },
);

// ---- CloudTrail-shaped documents ----

const identityArb = fc.record(
  {
    type: mostly(fc.constantFrom('Root', 'IAMUser', 'AssumedRole', 'Role', 'FederatedUser', 'SAMLUser', 'AWSService', 'Unknown', 'root')),
    arn: mostly(fc.constantFrom('arn:aws:iam::111122223333:root', 'arn:aws:sts::111122223333:assumed-role/ConnectAdmin/alice', 'arn:aws:iam::111122223333:user/bob', '')),
    accountId: mostly(fc.constantFrom('111122223333', '444455556666')),
    invokedBy: mostly(fc.constantFrom('connect.amazonaws.com', 'AWS Internal')),
    sessionContext: mostly(
      fc.record(
        { attributes: mostly(fc.record({ mfaAuthenticated: mostly(fc.constantFrom('true', 'false', true, 'TRUE')), creationDate: mostly(fc.constantFrom('2026-10-01T09:00:00Z', 'yesterday')) }, { requiredKeys: [] })), sessionIssuer: jsonish },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);
const recordArb = fc.record(
  {
    eventVersion: mostly(fc.constantFrom('1.11', '1.08', '1.99', '2.0', '0.1', '1', 'x')),
    userIdentity: mostly(identityArb),
    eventTime: mostly(fc.constantFrom('2026-10-01T09:15:00Z', '2026-10-01T09:15:00.123Z', '2026-13-45T99:99:99Z', '', '1700000000')),
    eventSource: mostly(fc.constantFrom('connect.amazonaws.com', 'voiceid.amazonaws.com', 'iam.amazonaws.com', 'signin.amazonaws.com', 'Connect.amazonaws.com')),
    eventName: mostly(fc.constantFrom('CreateUser', 'DeleteUser', 'UpdateUserSecurityProfiles', 'CreateInstance', 'DeleteInstance', 'AdminGetEmergencyAccessToken', 'GetFederationToken', 'ListUsers', 'ConsoleLogin', 'CreateIntegrationAssociation', 'UpdateUserHierarchy', '')),
    awsRegion: mostly(fc.constantFrom('eu-west-2', 'us-east-1', 'mars-1')),
    sourceIPAddress: mostly(fc.constantFrom('203.0.113.10', '2001:db8::1', 'AWS Internal', 'connect.amazonaws.com', '999.1.1.1', '::ffff:10.0.0.1')),
    userAgent: nastyString,
    requestParameters: jsonish,
    responseElements: jsonish,
    requestID: nastyString,
    eventID: mostly(fc.constantFrom('evt-1', 'evt-1', 'evt-2')),
    eventType: mostly(fc.constantFrom('AwsApiCall', 'AwsServiceEvent', 'AwsConsoleSignIn', 'Other')),
    eventCategory: mostly(fc.constantFrom('Management', 'Data', 'Insight')),
    errorCode: mostly(fc.constantFrom('AccessDenied', 'AccessDeniedException', '')),
    readOnly: mostly(fc.boolean()),
    vpcEndpointId: mostly(fc.constantFrom('vpce-0123', 'vpce-9999')),
    recipientAccountId: mostly(fc.constantFrom('111122223333')),
  },
  { requiredKeys: [] },
);
/** A CloudTrail document in one of the layouts the engine reads, as text. */
export const trailTextArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(mostly(recordArb), { maxLength: 5 }), fc.constantFrom('records', 'array', 'single', 'lines'), fc.constantFrom(0, 2))
  .map(([records, layout, indent]) => {
    if (layout === 'records') return JSON.stringify({ Records: records }, null, indent);
    if (layout === 'array') return JSON.stringify(records, null, indent);
    if (layout === 'single') return JSON.stringify(records[0] ?? {}, null, indent);
    return records.map((r) => JSON.stringify(r)).join('\n');
  });

// ---- formatting and mutations ----

/** Serialises a value with one of the layouts people use. */
export const formatArb = fc.record({ indent: fc.constantFrom<string | number>(0, 2, 4, '\t'), crlf: fc.boolean(), bom: fc.boolean() });
export function format(value: unknown, f: { indent: string | number; crlf: boolean; bom: boolean }): string {
  let s = JSON.stringify(value, null, f.indent) ?? 'null';
  if (f.crlf) s = s.replace(/\n/g, '\r\n');
  return (f.bom ? '\ufeff' : '') + s;
}

type ValueMutation = (v: unknown) => unknown;
type TextMutation = (t: string) => string;

interface Slot {
  parent: Record<string, unknown> | unknown[];
  key: string | number;
}
/** Every place a value sits, in a fixed order, so a number picks one reproducibly. */
function slots(root: unknown): Slot[] {
  const out: Slot[] = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) v.forEach((c, i) => (out.push({ parent: v, key: i }), stack.push(c)));
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) (out.push({ parent: v as Record<string, unknown>, key: k }), stack.push((v as Record<string, unknown>)[k]));
  }
  return out;
}
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty: a plain assignment to "__proto__" would change the prototype instead.
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
function renamed(key: string, how: number, junk: string): string {
  switch (how % 7) {
    case 0: return key.toLowerCase();
    case 1: return key.toUpperCase();
    case 2: return key.slice(0, -1);
    case 3: return key + 's';
    case 4: return ` ${key}`;
    case 5: return ['__proto__', 'constructor', 'prototype'][junk.length % 3];
    default: return junk;
  }
}
function retyped(v: unknown, how: number, junk: unknown): unknown {
  switch (how % 6) {
    case 0: return Array.isArray(v) ? v[0] ?? null : [v];
    case 1: return typeof v === 'string' ? v.length : String(JSON.stringify(v));
    case 2: return v && typeof v === 'object' ? 'object' : { value: v };
    case 3: return null;
    case 4: return typeof v === 'string' ? v + junk : true;
    default: return junk;
  }
}

const valueMutationArb: fc.Arbitrary<ValueMutation> = fc.tuple(fc.constantFrom('rename', 'retype', 'delete'), fc.nat(), fc.nat(), nastyString, jsonish).map(
  ([op, pick, how, junkKey, junk]) =>
    (root: unknown) => {
      const all = slots(root);
      if (!all.length) return junk;
      const s = all[pick % all.length];
      if (op === 'retype' || Array.isArray(s.parent)) {
        if (Array.isArray(s.parent)) s.parent[s.key as number] = retyped(s.parent[s.key as number], how, junk);
        else setOwn(s.parent, s.key as string, retyped(s.parent[s.key as string], how, junk));
        return root;
      }
      const obj = s.parent;
      const key = s.key as string;
      const value = obj[key];
      delete obj[key];
      if (op === 'rename') setOwn(obj, renamed(key, how, junkKey), value);
      return root;
    },
);

const STRUCTURAL = new Set(['{', '}', '[', ']', '"', ',', ':']);
const textMutationArb: fc.Arbitrary<TextMutation> = fc.oneof(
  // Delete a bracket, quote, comma or colon.
  fc.nat().map((pick) => (t: string) => {
    const idx: number[] = [];
    for (let i = 0; i < t.length; i++) if (STRUCTURAL.has(t[i])) idx.push(i);
    if (!idx.length) return t;
    const i = idx[pick % idx.length];
    return t.slice(0, i) + t.slice(i + 1);
  }),
  // Insert a comment, a trailing comma, a duplicate or prototype key, or raw junk.
  fc.tuple(fc.nat(), fc.constantFrom('// note\n', '/* c */', '/* open', '//', ',', ',,', '"Effect": "Allow", ', '"__proto__": {"polluted": true}, ', '"constructor": {"prototype": {"x": 1}}, ', '\n\n', '\u2028', "'x'", 'NaN', '-', '"'), fc.boolean()).map(
    ([pick, what, afterBrace]) => (t: string) => {
      let i = pick % (t.length + 1);
      if (afterBrace) {
        const b = t.indexOf('{', i);
        if (b >= 0) i = b + 1;
      }
      return t.slice(0, i) + what + t.slice(i);
    },
  ),
  // Random unicode (lone surrogates included) anywhere.
  fc.tuple(fc.nat(), nastyString).map(([pick, s]) => (t: string) => {
    const i = pick % (t.length + 1);
    return t.slice(0, i) + s + t.slice(i);
  }),
  // Rename a key in place (the text keeps everything else).
  fc.tuple(fc.nat(), fc.nat(), nastyString).map(([pick, how, junk]) => (t: string) => {
    const keys = [...t.matchAll(/"((?:[^"\\\r\n]|\\.)*)"\s*:/g)];
    if (!keys.length) return t;
    const m = keys[pick % keys.length];
    const name = JSON.stringify(renamed(m[1], how, junk)).slice(1, -1);
    return t.slice(0, m.index! + 1) + name + t.slice(m.index! + 1 + m[1].length);
  }),
  // Truncate; duplicate a slice; line endings; BOM.
  fc.nat().map((pick) => (t: string) => t.slice(0, pick % (t.length + 1))),
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([pick, len]) => (t: string) => {
    const i = pick % (t.length + 1);
    return t.slice(0, i) + t.slice(i, i + len) + t.slice(i);
  }),
  fc.constant((t: string) => t.replace(/\r?\n/g, '\r\n')),
  fc.constant((t: string) => t.replace(/\r?\n/g, '\r')),
  fc.constant((t: string) => '\ufeff' + t),
);

/** A seed document after value-level mutations (renamed keys, wrong types, deletions), re-serialised, then text-level mutations. */
export function mutatedArb(seeds: readonly Seed[]): fc.Arbitrary<{ seed: string; kind: DocumentKind; text: string }> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(valueMutationArb, { maxLength: 3 }), formatArb, fc.array(textMutationArb, { maxLength: 3 }), fc.boolean())
    .map(([seed, valueMuts, fmt, textMuts, reformat]) => {
      let text = seed.text;
      if (reformat || valueMuts.length) {
        try {
          let v: unknown = JSON.parse(seed.text);
          for (const m of valueMuts) v = m(v);
          text = format(v, fmt);
        } catch {
          // JSON Lines is not one value: keep the text and mutate it below.
        }
      }
      for (const m of textMuts) text = m(text);
      return { seed: seed.name, kind: seed.kind, text };
    });
}
