import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip, lintAs } from '../helpers/lint';

const INSTANCE = 'arn:aws:connect:eu-west-2:111122223333:instance/9f3c4e1a-7b2d-4c5e-8f90-1a2b3c4d5e6f';

describe('connect-emergency-access', () => {
  const adminWildcard = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["connect:Describe*", "connect:Admin*"],\n      "Resource": "*"\n    }\n  ]\n}';
  it('reports connect:Admin* on its item', () => {
    const [f] = expectFindings('connect-emergency-access', 'identity', adminWildcard, 'error', [at(adminWildcard, '"connect:Admin*"')]);
    assert.match(f.message, /^"connect:Admin\*" grants connect:AdminGetEmergencyAccessToken \(emergency administrator login\)\./);
  });
  it('fix appends a Deny statement that silences the finding', () => {
    const fixed = expectFixRoundTrip('connect-emergency-access', 'identity', adminWildcard);
    const doc = JSON.parse(fixed);
    assert.deepStrictEqual(doc.Statement[1], { Sid: 'DenyEmergencyAccessToken', Effect: 'Deny', Action: 'connect:AdminGetEmergencyAccessToken', Resource: '*' });
    assert.ok(fixed.includes('\n    {\n      "Sid": "DenyEmergencyAccessToken",'), 'keeps the indentation:\n' + fixed);
  });
  it('picks a free Sid for the Deny', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Sid": "DenyEmergencyAccessToken", "Effect": "Allow", "Action": "connect:*", "Resource": "*"}]}';
    const fixed = expectFixRoundTrip('connect-emergency-access', 'identity', text);
    assert.strictEqual(fixed, text.replace(']}', ', {"Sid": "DenyEmergencyAccessToken2", "Effect": "Deny", "Action": "connect:AdminGetEmergencyAccessToken", "Resource": "*"}]}'), 'one-line documents stay on one line');
  });
  it('reports connect:Get* (GetFederationToken), as in AmazonConnectReadOnlyAccess, with a Deny fix that --fix does not apply', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["connect:Get*", "connect:Describe*", "connect:List*"], "Resource": "*"}, {"Effect": "Deny", "Action": "connect:AdminGetEmergencyAccessToken", "Resource": "*"}]}';
    const [f] = expectFindings('connect-emergency-access', 'identity', text, 'error', [at(text, '"connect:Get*"')]);
    assert.match(f.message, /grants connect:GetFederationToken \(returns Connect sign-in credentials though classed Read\)\. Deny it in this policy and grant it only to a SAML federation role/);
    assert.deepStrictEqual(f.fixes?.map((x) => [x.title, !!x.preferred]), [['Add a Deny statement for connect:GetFederationToken', false]]);
    const fixed = expectFixRoundTrip('connect-emergency-access', 'identity', text);
    assert.deepStrictEqual(JSON.parse(fixed).Statement[2], { Sid: 'DenyFederationToken', Effect: 'Deny', Action: 'connect:GetFederationToken', Resource: '*' });
  });
  it('reports connect:* once per action, in a fixed order', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:*", "Resource": "*"}]}';
    const got = expectFindings('connect-emergency-access', 'identity', text, 'error', [at(text, '"connect:*"'), at(text, '"connect:*"')]);
    assert.deepStrictEqual(got.map((f) => f.data?.action), ['connect:AdminGetEmergencyAccessToken', 'connect:GetFederationToken']);
  });
  it('is silent for connect:* when the policy denies both actions', () => {
    expectNone('connect-emergency-access', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:*", "Resource": "*"}, {"Effect": "Deny", "Action": ["connect:AdminGetEmergencyAccessToken", "connect:GetFederationToken"], "Resource": "*"}]}');
  });
  it('a conditional Deny does not silence it', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:AdminGetEmergencyAccessToken", "Resource": "*"}, {"Effect": "Deny", "Action": "connect:AdminGetEmergencyAccessToken", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}]}';
    expectFindings('connect-emergency-access', 'identity', text, 'error', [at(text, '"connect:AdminGetEmergencyAccessToken"')]);
  });
  it('reports an explicit grant on an instance wildcard and NotAction', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:GetFederationToken", "Resource": "arn:aws:connect:*:111122223333:instance/*"}, {"Effect": "Allow", "NotAction": "s3:*", "Resource": "arn:aws:s3:::bucket"}]}';
    expectFindings('connect-emergency-access', 'identity', text, 'error', [at(text, '"connect:GetFederationToken"'), at(text, '"NotAction"'), at(text, '"NotAction"')]);
  });
  it('is silent for a break-glass or SAML role naming the action on one instance', () => {
    expectNone('connect-emergency-access', 'identity', `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:AdminGetEmergencyAccessToken", "Resource": "${INSTANCE}"}, {"Effect": "Allow", "Action": "connect:GetFederationToken", "Resource": "${INSTANCE}/user/\${aws:userid}"}]}`);
  });
  it('offers no fix when Statement is a single object', () => {
    const f = lintAs('identity', '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "connect:*", "Resource": "*"}}').find((x) => x.rule === 'connect-emergency-access');
    assert.ok(f);
    assert.strictEqual(f.fixes, undefined);
  });
});
