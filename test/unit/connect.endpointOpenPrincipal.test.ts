import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';

describe('endpoint-open-principal', () => {
  const open = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": "*",\n      "Action": "voiceid:*",\n      "Resource": "*"\n    }\n  ]\n}';
  it('reports Principal "*" without a fencing condition', () => {
    const [f] = expectFindings('endpoint-open-principal', 'endpoint', open, 'warning', [at(open, '"*"')]);
    assert.match(f.message, /any AWS account can use this grant/);
    assert.strictEqual(f.fixes?.length, 1);
    assert.ok(!f.fixes[0].preferred, 'a sample org id is never applied by --fix');
    assert.match(f.fixes[0].title, /\(edit the organisation id\)/);
  });
  it('fix adds an aws:PrincipalOrgID condition', () => {
    const fixed = expectFixRoundTrip('endpoint-open-principal', 'endpoint', open);
    assert.deepStrictEqual(JSON.parse(fixed).Statement[0].Condition, { StringEquals: { 'aws:PrincipalOrgID': 'o-exampleorgid' } });
  });
  it('fix merges into an existing Condition', () => {
    const text = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}, "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"kms:ViaService": "voiceid.eu-west-2.amazonaws.com"}}}}';
    expectFindings('endpoint-open-principal', 'resource', text, 'warning', [at(text, '"*"')]);
    const fixed = expectFixRoundTrip('endpoint-open-principal', 'resource', text);
    assert.deepStrictEqual(JSON.parse(fixed).Statement.Condition, { StringEquals: { 'kms:ViaService': 'voiceid.eu-west-2.amazonaws.com', 'aws:PrincipalOrgID': 'o-exampleorgid' } });
  });
  it('fix adds StringEquals to a Condition without it, and offers nothing for a malformed Condition', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "voiceid:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}';
    const fixed = expectFixRoundTrip('endpoint-open-principal', 'endpoint', text);
    assert.strictEqual(fixed, text.replace('"true"}}', '"true"}, "StringEquals": {"aws:PrincipalOrgID": "o-exampleorgid"}}'));
    const malformed = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "voiceid:*", "Resource": "*", "Condition": "none"}]}';
    const [f] = expectFindings('endpoint-open-principal', 'endpoint', malformed, 'warning', [at(malformed, '"*"')]);
    assert.strictEqual(f.fixes, undefined);
  });
  it('reports Allow with NotPrincipal on the key', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "voiceid:*", "Resource": "*"}]}';
    expectFindings('endpoint-open-principal', 'resource', text, 'warning', [at(text, '"NotPrincipal"')]);
  });
  for (const key of ['aws:PrincipalOrgID', 'aws:PrincipalAccount', 'aws:SourceVpce', 'kms:CallerAccount']) {
    it(`is silent with ${key}`, () => {
      expectNone('endpoint-open-principal', 'endpoint', `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "voiceid:*", "Resource": "*", "Condition": {"StringEquals": {"${key}": "x"}}}]}`);
    });
  }
  it('is silent for named principals, Deny statements and service principals', () => {
    expectNone('endpoint-open-principal', 'endpoint', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/VoiceIdApp"}, "Action": "voiceid:*", "Resource": "*"}, {"Effect": "Deny", "Principal": "*", "Action": "voiceid:DeleteDomain", "Resource": "*"}]}');
    expectNone('endpoint-open-principal', 'resource', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "connect.amazonaws.com"}, "Action": "kms:Decrypt", "Resource": "*"}]}');
  });
});
