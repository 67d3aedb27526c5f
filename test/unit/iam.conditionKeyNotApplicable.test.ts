import * as assert from 'assert';
import { at, expectFindings, expectNone } from '../helpers/lint';

const RULE = 'condition-key-not-applicable';
const policy = (effect: string, action: string, condition: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "${effect}",\n    "Action": ${action},\n    "Resource": "*",\n    "Condition": ${condition}\n  }]\n}`;

describe('condition-key-not-applicable', () => {
  it('Deny: actions without aws:ResourceTag escape, and the message names them', () => {
    const text = policy('Deny', '["connect:DeleteInstance", "connect:ListInstances"]', '{ "StringEquals": { "aws:ResourceTag/Protected": "true" } }');
    const [f] = expectFindings(RULE, 'scp', text, 'warning', [at(text, '"aws:ResourceTag/Protected"')]);
    assert.match(f.message, /^1 of this statement's 2 actions never carries aws:ResourceTag\/Protected \(connect:ListInstances\)/);
    assert.match(f.message, /that action escapes this Deny/);
  });

  it('Allow: a service key no action carries means the Allow never grants them', () => {
    const text = policy('Allow', '"connect:AssociateCustomerProfilesDomain"', '{ "StringEquals": { "connect:InstanceId": "abc" } }');
    const [f] = expectFindings(RULE, 'identity', text, 'warning', [at(text, '"connect:InstanceId"')]);
    assert.match(f.message, /^No action of this statement carries connect:InstanceId/);
    assert.match(f.message, /this Allow never grants its actions/);
  });

  it('Allow with IfExists: the unsupported actions are granted unconditionally', () => {
    const text = policy('Allow', '["connect:CreateUser", "connect:ListInstances"]', '{ "StringEqualsIfExists": { "aws:RequestTag/Team": "Dev" } }');
    const [f] = expectFindings(RULE, 'identity', text, 'warning', [at(text, '"aws:RequestTag/Team"')]);
    assert.match(f.message, /grants that action unconditionally/);
  });

  it('Deny with a negated operator: the unsupported actions are always denied (information)', () => {
    const text = policy('Deny', '["connect:CreateUser", "connect:ListInstances"]', '{ "StringNotEquals": { "connect:InstanceId": "abc" } }');
    const [f] = expectFindings(RULE, 'scp', text, 'info', [at(text, '"connect:InstanceId"')]);
    assert.match(f.message, /this Deny always denies that action/);
  });

  it('Allow: some actions never granted is information', () => {
    const text = policy('Allow', '["connect:CreateUser", "connect:ListInstances"]', '{ "StringEquals": { "aws:RequestTag/Team": "Dev" } }');
    const [f] = expectFindings(RULE, 'identity', text, 'info', [at(text, '"aws:RequestTag/Team"')]);
    assert.match(f.message, /this Allow never grants that action/);
  });

  it('expands wildcards and lists at most five actions', () => {
    const text = policy('Deny', '"connect:List*"', '{ "StringEquals": { "aws:ResourceTag/Protected": "true" } }');
    const [f] = expectFindings(RULE, 'scp', text, 'warning', [at(text, '"aws:ResourceTag/Protected"')]);
    const list = /\(([^)]*)\)/.exec(f.message)![1];
    assert.strictEqual(list.split(', ').length, 5, list);
    assert.match(list, / and [\d,]+ more$/);
  });

  it('expands NotAction too', () => {
    const text = `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"connect:DeleteInstance","Resource":"*","Condition":{"StringEquals":{"aws:RequestTag/Team":"Dev"}}}]}`;
    expectFindings(RULE, 'scp', text, 'warning', [at(text, '"aws:RequestTag/Team"')]);
  });

  it('is silent when every action carries the key, for global keys, and for Null', () => {
    expectNone(RULE, 'identity', policy('Allow', '"connect:CreateUser"', '{ "StringEquals": { "connect:InstanceId": "abc", "aws:RequestTag/Team": "Dev" }, "ForAllValues:StringEquals": { "aws:TagKeys": ["Team"] } }'));
    expectNone(RULE, 'identity', policy('Allow', '["connect:ListInstances", "connect:DescribeUser"]', '{ "IpAddress": { "aws:SourceIp": "203.0.113.0/24" }, "Bool": { "aws:MultiFactorAuthPresent": "true" } }'));
    expectNone(RULE, 'identity', policy('Deny', '["connect:CreateUser", "connect:ListInstances"]', '{ "Null": { "aws:RequestTag/Team": "true" } }'));
    expectNone(RULE, 'identity', policy('Allow', '"connect:DescribeUser"', '{ "StringEquals": { "aws:ResourceTag/Role": "Developer" } }'));
  });
});
