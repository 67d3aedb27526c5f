import * as assert from 'assert';
import { at, expectFindings, expectNone } from '../helpers/lint';

const ID = '9f3c4e1a-7b2d-4c5e-8f90-1a2b3c4d5e6f';
const INSTANCE = `arn:aws:connect:eu-west-2:111122223333:instance/${ID}`;

describe('connect-privilege-change', () => {
  it('is an error for an explicit privilege change on "*" with no condition', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": ["connect:DescribeUser", "connect:UpdateUserSecurityProfiles", "connect:CreateUser"],\n    "Resource": "*"\n  }]\n}';
    const got = expectFindings('connect-privilege-change', 'identity', text, 'error', [at(text, '"connect:UpdateUserSecurityProfiles"'), at(text, '"connect:CreateUser"')]);
    assert.match(got[0].message, /changes who can do what in Amazon Connect, allowed on every instance \(Resource "\*"\)/);
  });
  it('reports a wildcard item listing up to five privilege actions', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:UpdateUser*", "Resource": "*"}]}';
    const [f] = expectFindings('connect-privilege-change', 'identity', text, 'error', [at(text, '"connect:UpdateUser*"')]);
    assert.match(f.message, /"connect:UpdateUser\*" includes \d+ Amazon Connect privilege changes \((connect:UpdateUser\w+, ){4}connect:UpdateUser\w+ and \d+ more\)/);
  });
  it('is a warning on a wildcard instance, through NotResource, or with a condition that does not narrow', () => {
    const text = `{"Version": "2012-10-17", "Statement": [
      {"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/*/agent/*"},
      {"Effect": "Allow", "Action": "connect:CreateSecurityProfile", "NotResource": "${INSTANCE}/queue/*"},
      {"Effect": "Allow", "Action": "connect:DeleteInstance", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "2027-01-01T00:00:00Z"}}}
    ]}`;
    expectFindings('connect-privilege-change', 'identity', text, 'warning', [at(text, '"connect:DeleteUser"'), at(text, '"connect:CreateSecurityProfile"'), at(text, '"connect:DeleteInstance"')]);
  });
  it('reports NotAction on its key', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "connect:Describe*", "Resource": "*"}]}';
    expectFindings('connect-privilege-change', 'identity', text, 'error', [at(text, '"NotAction"')]);
  });
  it('is silent when scoped to one instance', () => {
    expectNone('connect-privilege-change', 'identity', `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["connect:UpdateUser*", "connect:CreateUser"], "Resource": ["${INSTANCE}", "${INSTANCE}/agent/*"]}]}`);
  });
  for (const [op, key, value] of [
    ['StringEquals', 'aws:ResourceTag/Team', 'Claims'],
    ['StringEquals', 'connect:InstanceId', ID],
    ['Bool', 'aws:MultiFactorAuthPresent', 'true'],
  ]) {
    it(`is silent with a ${key} condition`, () => {
      expectNone('connect-privilege-change', 'identity', `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:UpdateSecurityProfile", "Resource": "*", "Condition": {"${op}": {"${key}": "${value}"}}}]}`);
    });
  }
  it('leaves emergency access to connect-emergency-access and ignores read actions', () => {
    expectNone('connect-privilege-change', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["connect:Get*", "connect:Admin*", "connect:Describe*"], "Resource": "*"}]}');
  });
  it('is silent when an unconditional Deny takes the action back', () => {
    expectNone('connect-privilege-change', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:DeleteInstance", "Resource": "*"}, {"Effect": "Deny", "Action": "connect:Delete*", "Resource": "*"}]}');
  });
});
