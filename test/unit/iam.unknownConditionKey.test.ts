import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip, findingsOf } from '../helpers/lint';

const policy = (condition: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:UpdateContactFlowContent",\n    "Resource": "*",\n    "Condition": ${condition}\n  }]\n}`;

describe('unknown-condition-key', () => {
  it('reports an unknown global key at the key, with a did-you-mean that keeps the tag key', () => {
    const text = policy('{ "StringEquals": { "aws:ResourceTags/Role": "Developer" } }');
    const [f] = expectFindings('unknown-condition-key', 'identity', text, 'error', [at(text, '"aws:ResourceTags/Role"')]);
    assert.match(f.message, /did you mean "aws:ResourceTag\/Role"/);
    const fixed = expectFixRoundTrip('unknown-condition-key', 'identity', text);
    assert.ok(fixed.includes('{ "aws:ResourceTag/Role": "Developer" }'), fixed);
  });

  it('warns on a key its known service does not define, and fixes a near miss', () => {
    const text = policy('{ "StringEquals": { "connect:InstanceIds": "abc" } }');
    expectFindings('unknown-condition-key', 'identity', text, 'warning', [at(text, '"connect:InstanceIds"')]);
    const fixed = expectFixRoundTrip('unknown-condition-key', 'identity', text);
    assert.ok(fixed.includes('"connect:InstanceId": "abc"'), fixed);
  });

  it('reports a malformed key and an unknown prefix as errors', () => {
    const text = policy('{ "StringEquals": { "InstanceId": "abc", "conect:InstanceId": "abc" } }');
    expectFindings('unknown-condition-key', 'identity', text, 'error', [at(text, '"InstanceId"'), at(text, '"conect:InstanceId"')]);
    const fixed = expectFixRoundTrip('unknown-condition-key', 'identity', policy('{ "StringEquals": { "conect:InstanceId": "abc" } }'));
    assert.ok(fixed.includes('"connect:InstanceId": "abc"'), fixed);
  });

  it('reports a tag family without a tag key', () => {
    const text = policy('{ "StringEquals": { "aws:ResourceTag": "Developer", "aws:PrincipalTag/": "x" } }');
    const got = expectFindings('unknown-condition-key', 'identity', text, 'error', [at(text, '"aws:ResourceTag"'), at(text, '"aws:PrincipalTag/"')]);
    assert.match(got[0].message, /needs a tag key/);
  });

  it('reports a service key family without its variable part', () => {
    const text = policy('{ "StringEquals": { "connect:SearchTag/": "x", "kms:EncryptionContext": "y" } }');
    const got = expectFindings('unknown-condition-key', 'identity', text, 'error', [at(text, '"connect:SearchTag/"'), at(text, '"kms:EncryptionContext"')]);
    assert.match(got[0].message, /connect:SearchTag\/ needs a name after it/);
    assert.match(got[1].message, /kms:EncryptionContext: needs a name after it/);
  });

  it('reports a documentation placeholder left in a key name', () => {
    const text = policy('{ "StringEquals": { "aws:ResourceTag/${TagKey}": "Developer" } }');
    const [f] = expectFindings('unknown-condition-key', 'identity', text, 'error', [at(text, '"aws:ResourceTag/${TagKey}"')]);
    assert.match(f.message, /placeholder \$\{TagKey\}/);
    expectNone('unknown-condition-key', 'identity', policy('{ "StringEquals": { "aws:ResourceTag/${aws:PrincipalTag/Team}": "x" } }'));
  });

  it('reports spaces around a known key and trims them', () => {
    const text = policy('{ "Bool": { " aws:MultiFactorAuthPresent ": "true" } }');
    expectFindings('unknown-condition-key', 'identity', text, 'error', [at(text, '" aws:MultiFactorAuthPresent "')]);
    const fixed = expectFixRoundTrip('unknown-condition-key', 'identity', text);
    assert.ok(fixed.includes('{ "aws:MultiFactorAuthPresent": "true" }'), fixed);
  });

  it('warns on the retired aws:ARN and offers both replacements', () => {
    const text = policy('{ "ArnLike": { "aws:ARN": "arn:aws:iam::111122223333:role/Admin" } }');
    const [f] = expectFindings('unknown-condition-key', 'identity', text, 'warning', [at(text, '"aws:ARN"')]);
    assert.deepStrictEqual(f.fixes?.map((x) => x.title), ['Change to "aws:PrincipalArn"', 'Change to "aws:SourceArn"']);
    const fixed = expectFixRoundTrip('unknown-condition-key', 'identity', text, {}, 0);
    assert.ok(fixed.includes('"aws:PrincipalArn"'), fixed);
  });

  it('hints at the canonical case of a key IAM accepts', () => {
    const text = policy('{ "IpAddress": { "aws:sourceip": "203.0.113.0/24" }, "StringEquals": { "aws:resourcetag/Role": "Dev" } }');
    expectFindings('unknown-condition-key', 'identity', text, 'hint', [at(text, '"aws:sourceip"'), at(text, '"aws:resourcetag/Role"')]);
    const fixed = expectFixRoundTrip('unknown-condition-key', 'identity', text);
    assert.ok(fixed.includes('"aws:SourceIp"'), fixed);
  });

  it('is silent on known keys, tag families with a key, service families and identity-provider keys', () => {
    const text = policy('{ "StringEquals": { "aws:ResourceTag/Role": "Developer", "connect:InstanceId": "abc", "connect:SearchTag/Dept": "x", "kms:EncryptionContext:aws:voiceid:domain:arn": "x", "saml:sub": "x", "accounts.google.com:aud": "x", "aws:PrincipalOrgID": "o-abc" } }');
    expectNone('unknown-condition-key', 'identity', text);
  });

  it('reports each bad key once across statements', () => {
    const text = `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"connect:DeleteInstance","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresnt":"false"}}},{"Effect":"Allow","Action":"connect:ListUsers","Resource":"*"}]}`;
    assert.strictEqual(findingsOf('unknown-condition-key', 'scp', text).length, 1);
  });
});
