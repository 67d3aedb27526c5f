import * as assert from 'assert';
import { lint, applyEdits, SEVERITY_ORDER } from '../../server/src/engine';
import { PERSONA_TEMPLATES, personaTemplate, templateEdits, templateText } from '../../server/src/engine/templates';

/** Findings at warning or above: a template must have none, whatever rules are added later. */
function problems(text: string, fileName = 'persona.identity.json'): string[] {
  return lint(text, { fileName }).findings.filter((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER.warning).map((f) => `${f.rule}: ${f.message}`);
}

describe('templates: persona policies', () => {
  it('has the four personas of the domain brief', () => {
    assert.deepStrictEqual(PERSONA_TEMPLATES.map((t) => t.id), ['development-user', 'service-administrator', 'application-resource', 'read-only-auditor']);
  });

  for (const t of PERSONA_TEMPLATES) {
    it(`${t.label}: lints clean as an identity policy (no warning, no error)`, () => {
      assert.deepStrictEqual(problems(templateText(t)), []);
    });
  }

  it('the development user cannot administer instances, users or security profiles', () => {
    const deny = personaTemplate('development-user')!.policy.Statement.find((s) => s.Effect === 'Deny')!;
    for (const a of ['connect:DeleteInstance', 'connect:CreateUser', 'connect:UpdateUser*', 'connect:UpdateSecurityProfile', 'connect:AdminGetEmergencyAccessToken']) assert.ok((deny.Action as string[]).includes(a), a);
  });

  it('the service administrator needs MFA for every privilege change', () => {
    for (const s of personaTemplate('service-administrator')!.policy.Statement) {
      if (s.Effect === 'Allow' && s.Sid !== 'ReadConnectConfiguration') assert.deepStrictEqual(s.Condition?.Bool, { 'aws:MultiFactorAuthPresent': 'true' }, s.Sid);
    }
  });

  it('fills an empty document with the whole policy', () => {
    const edits = templateEdits('', personaTemplate('read-only-auditor')!)!;
    assert.strictEqual(applyEdits('', edits), templateText(personaTemplate('read-only-auditor')!));
  });

  it('appends statements to an existing policy, renaming a Sid that is taken, and the result lints clean', () => {
    const text = '{\n    "Version": "2012-10-17",\n    "Statement": [\n        {\n            "Sid": "ReadCloudTrailEvents",\n            "Effect": "Allow",\n            "Action": "connect:DescribeUser",\n            "Resource": "*"\n        }\n    ]\n}\n';
    const out = applyEdits(text, templateEdits(text, personaTemplate('read-only-auditor')!)!);
    const parsed = JSON.parse(out) as { Statement: { Sid: string }[] };
    assert.deepStrictEqual(parsed.Statement.map((s) => s.Sid), ['ReadCloudTrailEvents', 'ReadConnectConfiguration', 'ReadCloudTrailEvents2', 'DenySignInAsConnectUsers']);
    assert.ok(out.includes('\n        {\n            "Sid": "ReadConnectConfiguration",'), `keeps the four-space indentation:\n${out}`);
    assert.deepStrictEqual(problems(out), []);
  });

  it('adds Statement and Version to an object without them', () => {
    const out = applyEdits('{}', templateEdits('{}', personaTemplate('application-resource')!)!);
    const parsed = JSON.parse(out) as { Version: string; Statement: unknown[] };
    assert.strictEqual(parsed.Version, '2012-10-17');
    assert.strictEqual(parsed.Statement.length, personaTemplate('application-resource')!.policy.Statement.length);
    assert.ok(out.startsWith('{\n  "Version"'), out);
  });

  it('turns a single Statement object into an array keeping it first', () => {
    const text = '{"Version": "2012-10-17", "Statement": {"Sid": "Mine", "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*"}}';
    const parsed = JSON.parse(applyEdits(text, templateEdits(text, personaTemplate('read-only-auditor')!)!)) as { Statement: { Sid: string }[] };
    assert.deepStrictEqual(parsed.Statement.map((s) => s.Sid), ['Mine', 'ReadConnectConfiguration', 'ReadCloudTrailEvents', 'DenySignInAsConnectUsers']);
  });

  it('refuses a document that is not a JSON object', () => {
    assert.strictEqual(templateEdits('[1, 2]', personaTemplate('development-user')!), undefined);
    assert.strictEqual(templateEdits('"policy"', personaTemplate('development-user')!), undefined);
  });
});
