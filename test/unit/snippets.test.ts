import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { lint, DocumentKind, SEVERITY_ORDER } from '../../server/src/engine';
import { PERSONA_TEMPLATES } from '../../server/src/engine/templates';
import { expandSnippet } from '../helpers/snippet';

const root = path.resolve(__dirname, '..', '..', '..');
const snippets = JSON.parse(fs.readFileSync(path.join(root, 'snippets', 'connect-guard.json'), 'utf8')) as Record<string, { prefix: string; body: string[]; description: string }>;

/**
 * How each snippet is checked: the kind of document it belongs in, and whether it is a
 * whole document, a statement, or a Condition element (wrapped into a policy to lint).
 * A new snippet needs a line here, so none ships unchecked.
 */
const CHECK: Record<string, { kind: DocumentKind; shape: 'document' | 'statement' | 'condition' }> = {
  'cg-scp-deny-delete-instance': { kind: 'scp', shape: 'document' },
  'cg-scp-deny-delete-service-role': { kind: 'scp', shape: 'document' },
  'cg-scp-protect-cloudtrail': { kind: 'scp', shape: 'document' },
  'cg-vpce-org-only': { kind: 'endpoint', shape: 'document' },
  'cg-vpce-deny-account': { kind: 'endpoint', shape: 'document' },
  'cg-stmt-developer': { kind: 'identity', shape: 'statement' },
  'cg-stmt-service-admin': { kind: 'identity', shape: 'statement' },
  'cg-stmt-application': { kind: 'identity', shape: 'statement' },
  'cg-stmt-tag-based': { kind: 'identity', shape: 'statement' },
  'cg-cond-mfa': { kind: 'identity', shape: 'condition' },
  'cg-kms-voiceid': { kind: 'resource', shape: 'document' },
};

function asDocument(text: string, shape: 'document' | 'statement' | 'condition'): string {
  if (shape === 'document') return text;
  if (shape === 'statement') return `{\n"Version": "2012-10-17",\n"Statement": [\n${text}\n]\n}`;
  return `{\n"Version": "2012-10-17",\n"Statement": [{\n"Effect": "Allow",\n"Action": "connect:DescribeUser",\n"Resource": "arn:aws:connect:*:*:instance/*/agent/*",\n${text}\n}]\n}`;
}

const ajv = new Ajv({ allErrors: true, strict: false });
for (const f of fs.readdirSync(path.join(root, 'schemas'))) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(root, 'schemas', f), 'utf8')));
const SCHEMA_OF: Record<DocumentKind, string> = {
  identity: 'identity-policy', scp: 'scp', endpoint: 'endpoint-policy', resource: 'resource-policy', trust: 'trust-policy', cloudtrail: 'cloudtrail',
};
function schemaErrors(kind: DocumentKind, value: unknown): string {
  const validate = ajv.getSchema(`https://connect-guard.github.io/schemas/${SCHEMA_OF[kind]}.schema.json`)!;
  return validate(value) ? '' : ajv.errorsText(validate.errors);
}

describe('snippets', () => {
  it('every snippet is checked below, and has a cg- prefix and a description', () => {
    assert.deepStrictEqual(Object.values(snippets).map((s) => s.prefix).sort(), Object.keys(CHECK).sort());
    for (const s of Object.values(snippets)) assert.ok(s.description.length > 20, s.prefix);
  });

  it('expands placeholders, choices, mirrors and escapes like the editor', () => {
    assert.strictEqual(expandSnippet('a ${1:x} ${2|p,q|} $1 ${2} \\${aws:userid} $0'), 'a x p x p ${aws:userid} ');
  });

  for (const [name, s] of Object.entries(snippets)) {
    it(`${s.prefix} (${name}): expanded with its defaults, no error-level finding and valid against the ${CHECK[s.prefix]?.kind} schema`, () => {
      const check = CHECK[s.prefix];
      assert.ok(check, `add ${s.prefix} to CHECK`);
      const text = asDocument(expandSnippet(s.body.join('\n')), check.shape);
      const errors = lint(text, { kind: check.kind }).findings.filter((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER.error);
      assert.deepStrictEqual(errors.map((f) => `${f.rule}: ${f.message}`), [], text);
      assert.strictEqual(schemaErrors(check.kind, JSON.parse(text)), '');
    });
  }
});

describe('schemas', () => {
  it('persona templates are valid identity policies', () => {
    for (const t of PERSONA_TEMPLATES) assert.strictEqual(schemaErrors('identity', t.policy), '', t.id);
  });

  it('the kind schemas reject what the kind forbids', () => {
    const withPrincipal = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'connect:DeleteInstance', Resource: '*' }] };
    assert.match(schemaErrors('scp', withPrincipal), /must NOT be valid/);
    assert.match(schemaErrors('endpoint', { Statement: [{ Effect: 'Allow', Action: 'voiceid:*', Resource: '*' }] }), /must match/);
    assert.match(schemaErrors('identity', { Statement: [{ Effect: 'Allow', Action: 'a:b', NotAction: 'a:c', Resource: '*' }] }), /oneOf/);
  });

  it('the config schema accepts the README example and rejects unknown keys', () => {
    const validate = ajv.getSchema('https://connect-guard.github.io/schemas/connectguard.schema.json')!;
    const example = {
      rules: { 'connect-tag-based-access': 'off', 'missing-version': 'error' },
      kinds: { 'guardrails/**/*.json': 'scp', 'endpoints/*.json': 'endpoint' },
      ignore: ['legacy/**'],
      cloudtrail: { adminPrincipals: ['arn:aws:iam::111122223333:role/ConnectAdmin', 'break-glass-*'], allowedCidrs: ['203.0.113.0/24'], allowedVpcEndpoints: ['vpce-0a1b2c3d4e5f67890'] },
      trustPolicyQuota: 4096,
    };
    assert.ok(validate(example), ajv.errorsText(validate.errors));
    assert.ok(!validate({ rulez: {} }));
  });

  it('the CloudTrail schema accepts a log file, a record and an Insights event without eventSource', () => {
    const record = { eventVersion: '1.11', eventTime: '2026-10-01T09:14:03Z', eventSource: 'connect.amazonaws.com', eventName: 'CreateUser', awsRegion: 'eu-west-2', eventID: 'e1', eventType: 'AwsApiCall', userIdentity: { type: 'AssumedRole', sessionContext: { attributes: { mfaAuthenticated: 'false' } } } };
    assert.strictEqual(schemaErrors('cloudtrail', { Records: [record] }), '');
    assert.strictEqual(schemaErrors('cloudtrail', record), '');
    const { eventSource: _omit, ...insight } = { ...record, eventType: 'AwsCloudTrailInsight', eventCategory: 'Insight' };
    assert.strictEqual(schemaErrors('cloudtrail', insight), '');
    assert.notStrictEqual(schemaErrors('cloudtrail', { ...record, eventVersion: '2.0' }), '');
  });
});
