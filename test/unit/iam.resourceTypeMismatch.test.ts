import * as assert from 'assert';
import { at, expectFindings, expectNone } from '../helpers/lint';

const doc = (effect: string, actions: string, resources: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "${effect}", "Action": ${actions}, "Resource": ${resources} }]\n}`;
const INSTANCE = 'arn:aws:connect:eu-west-2:111122223333:instance/1a2b';

describe('resource-type-mismatch', () => {
  it('warns on the Resource value when no listed ARN is of a type the action accepts', () => {
    const text = doc('Allow', '["connect:DescribeUser", "connect:ListUsers"]', `"${INSTANCE}/queue/*"`);
    const got = expectFindings('resource-type-mismatch', 'identity', text, 'warning', [at(text, `"${INSTANCE}/queue/*"`), at(text, `"${INSTANCE}/queue/*"`)]);
    assert.match(got[0].message, /connect:DescribeUser accepts/);
    assert.match(got[0].message, /instance\/\$\{InstanceId\}\/agent\/\$\{UserId\}/);
    assert.deepStrictEqual(got[0].related!.map((r) => r.offset), [at(text, '"connect:DescribeUser"').offset]);
    assert.deepStrictEqual(got[1].related!.map((r) => r.offset), [at(text, '"connect:ListUsers"').offset]);
  });
  it('warns when an action that supports no resource type is given only ARNs', () => {
    const text = doc('Allow', '"connect:CreateInstance"', `["${INSTANCE}"]`);
    const got = expectFindings('resource-type-mismatch', 'identity', text, 'warning', [at(text, `["${INSTANCE}"]`)]);
    assert.match(got[0].message, /supports no resource types/);
  });
  it('reports the documented Connect SAML pattern as information only', () => {
    const text = doc('Allow', '"connect:GetFederationToken"', `"${INSTANCE}/user/\${aws:userid}"`);
    const got = expectFindings('resource-type-mismatch', 'identity', text, 'info', [at(text, `"${INSTANCE}/user/\${aws:userid}"`)]);
    assert.match(got[0].message, /not a documented resource type/);
  });
  it('is silent when a listed ARN matches, and on wildcard actions, "*", Deny and NotResource', () => {
    expectNone('resource-type-mismatch', 'identity', doc('Allow', '["connect:DescribeUser", "connect:ListUsers"]', `["${INSTANCE}/agent/*", "${INSTANCE}"]`));
    expectNone('resource-type-mismatch', 'identity', doc('Allow', '"connect:DescribeUser"', `"${INSTANCE}/agent/\${aws:userid}"`));
    expectNone('resource-type-mismatch', 'identity', doc('Allow', '"connect:Describe*"', `"${INSTANCE}/queue/*"`));
    expectNone('resource-type-mismatch', 'identity', doc('Allow', '"connect:CreateInstance"', '"*"'));
    expectNone('resource-type-mismatch', 'identity', doc('Deny', '"connect:DescribeUser"', `"${INSTANCE}/queue/*"`));
    expectNone('resource-type-mismatch', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:DescribeUser", "NotResource": "arn:aws:s3:::b"}]}');
  });
});
