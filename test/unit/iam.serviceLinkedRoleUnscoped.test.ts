import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';

const policy = (statements: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n${statements}\n  ]\n}`;

describe('service-linked-role-unscoped', () => {
  it('warns on the granting action: explicit, iam:Create*, NotAction, NotResource, aws-service-role/*', () => {
    const text = policy([
      '    { "Effect": "Allow", "Action": ["connect:CreateInstance", "iam:CreateServiceLinkedRole"], "Resource": "*" },',
      '    { "Effect": "Allow", "Action": "iam:Create*", "Resource": "arn:aws:iam::*:role/aws-service-role/*" },',
      '    { "Effect": "Allow", "NotAction": "s3:*", "NotResource": "arn:aws:s3:::b" }',
    ].join('\n'));
    const got = expectFindings('service-linked-role-unscoped', 'identity', text, 'warning', [
      at(text, '"iam:CreateServiceLinkedRole"'), at(text, '"iam:Create*"'), at(text, '"NotAction"'),
    ]);
    assert.match(got[2].message, /via NotAction .* with NotResource/);
  });
  it('is silent with iam:AWSServiceName, on a named role, on Deny and outside identity policies', () => {
    const ok = policy([
      '    { "Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*", "Condition": { "StringEquals": { "iam:AWSServiceName": "connect.amazonaws.com" } } },',
      '    { "Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect*" },',
      '    { "Effect": "Deny", "Action": "iam:CreateServiceLinkedRole", "Resource": "*" }',
    ].join('\n'));
    expectNone('service-linked-role-unscoped', 'identity', ok);
    expectNone('service-linked-role-unscoped', 'resource', policy('    { "Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*", "Principal": "*" }'));
  });
  it('offers no fix when the Condition block is not an object', () => {
    const text = policy('    { "Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*", "Condition": { "StringEquals": ["x"] } }');
    const got = expectFindings('service-linked-role-unscoped', 'identity', text, 'warning', [at(text, '"iam:CreateServiceLinkedRole"')]);
    assert.strictEqual(got[0].fixes, undefined);
  });
  it('fix adds the Amazon Connect condition to a statement in an array', () => {
    const text = policy('    { "Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*" }');
    const fixed = expectFixRoundTrip('service-linked-role-unscoped', 'identity', text);
    const st = JSON.parse(fixed).Statement[0];
    assert.deepStrictEqual(st.Condition, { StringEquals: { 'iam:AWSServiceName': 'connect.amazonaws.com' } });
  });
  it('fix works when Statement is a single object and when a Condition block exists', () => {
    const single = '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Allow",\n    "Action": "iam:CreateServiceLinkedRole",\n    "Resource": "*"\n  }\n}';
    const fixed = expectFixRoundTrip('service-linked-role-unscoped', 'identity', single);
    assert.deepStrictEqual(JSON.parse(fixed).Statement.Condition, { StringEquals: { 'iam:AWSServiceName': 'connect.amazonaws.com' } });
    const withCond = policy('    { "Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*", "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "true" } } }');
    const fixed2 = expectFixRoundTrip('service-linked-role-unscoped', 'identity', withCond);
    assert.deepStrictEqual(JSON.parse(fixed2).Statement[0].Condition, {
      Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      StringEquals: { 'iam:AWSServiceName': 'connect.amazonaws.com' },
    });
  });
});
