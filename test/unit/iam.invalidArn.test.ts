import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';

const doc = (resources: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": ${resources} }]\n}`;

describe('invalid-arn', () => {
  it('reports shape errors on the offending segment', () => {
    const text = doc(`[
    "connect:instance/*",
    "ARN:aws:connect:eu-west-2:111122223333:instance/a1",
    "arn:aws:connect:eu-west-2",
    "arn:aws-moon:connect:eu-west-2:111122223333:instance/a2",
    "arn:aws:Connect:eu-west-2:111122223333:instance/a3",
    "arn:aws:connect:eu-west:111122223333:instance/a4",
    "arn:aws:connect:eu-west-2:12345:instance/a5",
    "arn:aws:connect:eu-west-2:111122223333:instance/a6 ",
    "arn:aws:connect:eu-west-2:111122223333:"
  ]`);
    expectFindings('invalid-arn', 'identity', text, 'error', [
      at(text, 'connect:instance/*'),
      at(text, 'ARN'),
      { offset: at(text, '"arn:aws:connect:eu-west-2"').offset + 1, length: 'arn:aws:connect:eu-west-2'.length },
      at(text, 'aws-moon'),
      at(text, 'Connect'),
      { offset: at(text, 'eu-west:').offset, length: 'eu-west'.length },
      at(text, '12345'),
      { offset: at(text, 'a6 ').offset + 2, length: 1 },
      { offset: at(text, '"arn:aws:connect:eu-west-2:111122223333:"').offset + 1, length: 'arn:aws:connect:eu-west-2:111122223333:'.length },
    ]);
  });
  it('reports placeholders left from documentation', () => {
    const text = doc(`[
    "arn:aws:connect:REGION:ACCOUNT:instance/INSTANCE_ID/agent/*",
    "arn:aws:connect:eu-west-2:<account-id>:instance/\${InstanceId}",
    "arn:aws:connect:region:xxxxxxxxxxxx:instance/*",
    "arn:\${AWS::Partition}:connect:eu-west-2:111122223333:instance/*"
  ]`);
    const got = expectFindings('invalid-arn', 'identity', text, 'error', [
      at(text, 'REGION'), at(text, 'ACCOUNT'), at(text, 'INSTANCE_ID'), at(text, '<account-id>'), at(text, '${InstanceId}'),
      at(text, 'region'), at(text, 'xxxxxxxxxxxx'), at(text, '${AWS::Partition}'),
    ]);
    assert.match(got[0].message, /Placeholder "REGION"/);
    assert.match(got[7].message, /CloudFormation/);
  });
  it('reports a Region or account where the service has none, and a missing one where it needs one', () => {
    const text = doc(`[
    "arn:aws:iam:eu-west-2:111122223333:role/connect-admin",
    "arn:aws:s3:eu-west-2:111122223333:my-recordings",
    "arn:aws:connect:::instance/a1"
  ]`);
    const got = expectFindings('invalid-arn', 'resource', text, 'error', [
      at(text, 'eu-west-2'),
      at(text, 'eu-west-2', 1),
      at(text, '111122223333', 1),
      { offset: at(text, 'connect:::').offset + 7, length: 2 },
      { offset: at(text, 'connect:::').offset + 8, length: 2 },
    ]);
    assert.match(got[0].message, /iam ARNs of this kind have no Region/);
    assert.match(got[2].message, /no account/);
    assert.match(got[3].message, /need the Region/);
    assert.match(got[4].message, /need the account/);
  });
  it('warns on the documentation example account and on a Connect resource part that fits no format', () => {
    const text = doc('["arn:aws:connect:eu-west-2:123456789012:instance/a1", "arn:aws:connect:eu-west-2:111122223333:instance/a1/bogus/u1"]');
    expectFindings('invalid-arn', 'identity', text, 'warning', [at(text, '123456789012'), at(text, 'instance/a1/bogus/u1')]);
  });
  it('names the ARN spelling of Connect resources written with their API names, with a fix', () => {
    const text = doc('["arn:aws:connect:eu-west-2:111122223333:instance/a1/users/u1", "arn:aws:connect:eu-west-2:111122223333:instance/a1/hierarchy-group/*"]');
    const got = expectFindings('invalid-arn', 'identity', text, 'warning', [at(text, 'users'), at(text, 'hierarchy-group')]);
    assert.match(got[0].message, /name this resource "agent", not "users"/);
    assert.strictEqual(
      expectFixRoundTrip('invalid-arn', 'identity', doc('"arn:aws:connect:eu-west-2:111122223333:instance/a1/hierarchy-group/*"')),
      doc('"arn:aws:connect:eu-west-2:111122223333:instance/a1/agent-group/*"'),
    );
  });
  it('accepts valid ARNs, wildcards, policy variables and the Connect SAML pattern', () => {
    expectNone('invalid-arn', 'identity', doc(`[
    "*",
    "arn:aws:connect:eu-west-2:111122223333:instance/1a2b/agent/*",
    "arn:aws:connect:*:*:instance/*",
    "arn:aws:connect:eu-west-2:111122223333:instance/1a2b/user/\${aws:userid}",
    "arn:aws:connect:eu-west-2:\${aws:PrincipalAccount}:instance/*",
    "arn:aws-us-gov:connect:us-gov-west-1:111122223333:instance/x",
    "arn:aws:iam::aws:policy/AmazonConnect_FullAccess",
    "arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_*",
    "arn:aws:s3:::my-recordings/connect/*",
    "arn:aws:s3:::\${aws:PrincipalTag/team}-*",
    "arn:aws:logs:eu-west-2:111122223333:log-group:/aws/connect/x:*",
    "arn:aws:voiceid:eu-west-2:111122223333:domain/abc",
    "arn:aws:profile:eu-west-2:111122223333:domains/abc",
    "arn:aws:kms:eu-west-2:111122223333:key/*"
  ]`));
  });
  it('does not check trust policies', () => {
    expectNone('invalid-arn', 'trust', doc('"not-an-arn"'));
  });
  it('fixes: lower-case service, remove a Region the service does not use', () => {
    assert.strictEqual(
      expectFixRoundTrip('invalid-arn', 'identity', doc('"arn:aws:Connect:eu-west-2:111122223333:instance/a1"')),
      doc('"arn:aws:connect:eu-west-2:111122223333:instance/a1"'),
    );
    assert.strictEqual(
      expectFixRoundTrip('invalid-arn', 'identity', doc('"arn:aws:iam:eu-west-2:111122223333:role/x"')),
      doc('"arn:aws:iam::111122223333:role/x"'),
    );
    assert.strictEqual(expectFixRoundTrip('invalid-arn', 'identity', doc('"arn:AWS:s3:::b"')), doc('"arn:aws:s3:::b"'));
  });
});
