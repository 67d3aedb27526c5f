import * as assert from 'assert';
import { loadIamData } from '../../server/src/engine';
import { completionsAt, hoverAt } from '../../server/src/engine/assist';
import { at } from '../helpers/lint';

const iam = loadIamData();
const policy = (statement: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statement}\n  ]\n}`;

describe('assist: hover', () => {
  it('on an action: service, access level, resource types, condition keys, privilege change', () => {
    const text = policy('{ "Effect": "Allow", "Action": ["connect:UpdateUserSecurityProfiles"], "Resource": "*" }');
    const h = hoverAt(text, at(text, 'UpdateUser').offset, iam)!;
    assert.deepStrictEqual({ offset: h.offset, length: h.length }, at(text, '"connect:UpdateUserSecurityProfiles"'));
    assert.strictEqual(h.markdown.split('\n')[0], '**connect:UpdateUserSecurityProfiles** (Amazon Connect)');
    assert.ok(h.markdown.includes('Access level: **Write**'));
    assert.ok(h.markdown.includes('Resource types: `security-profile` (required), `user` (required)'));
    assert.ok(h.markdown.includes('`aws:ResourceTag/${TagKey}`'));
    assert.ok(h.markdown.includes('**Changes privileges in Amazon Connect**'));
  });

  it('on a read action that changes nothing: no privilege warning', () => {
    const text = policy('{ "Effect": "Allow", "Action": "connect:DescribeQueue", "Resource": "*" }');
    const h = hoverAt(text, at(text, 'DescribeQueue').offset, iam)!;
    assert.ok(h.markdown.includes('Access level: **Read**'));
    assert.ok(!h.markdown.includes('Changes privileges'));
  });

  it('on a wildcard: how many actions, how many write, which change privileges', () => {
    const text = policy('{ "Effect": "Allow", "Action": "connect:UpdateUser*", "Resource": "*" }');
    const h = hoverAt(text, at(text, 'UpdateUser*').offset, iam)!;
    const n = iam.expandAction('connect:UpdateUser*').length;
    assert.strictEqual(h.markdown.split('\n')[0], `**connect:UpdateUser*** matches ${n} actions, ${n} of them write (Write, Tagging or Permissions management).`);
    assert.ok(h.markdown.includes('**Changes privileges in Amazon Connect:** `connect:UpdateUser'));
  });

  it('on a condition key: its type and which of the statement\'s actions support it', () => {
    const text = policy('{ "Effect": "Allow", "Action": ["connect:DescribeUser", "connect:ListInstances"], "Resource": "*", "Condition": { "StringEquals": { "connect:InstanceId": "x" } } }');
    const h = hoverAt(text, at(text, 'connect:InstanceId').offset, iam)!;
    assert.deepStrictEqual({ offset: h.offset, length: h.length }, at(text, '"connect:InstanceId"'));
    assert.ok(h.markdown.startsWith('**connect:InstanceId**: type `String`'), h.markdown);
    assert.ok(h.markdown.includes('Supported by 1 of the statement\'s 2 actions: `connect:DescribeUser`'), h.markdown);
    assert.ok(h.markdown.includes('Not supported by: `connect:ListInstances`'), h.markdown);
  });

  it('on a CloudTrail eventName: the IAM action of the call', () => {
    const text = '{"Records": [{"eventVersion": "1.11", "eventSource": "connect.amazonaws.com", "eventName": "UpdateUserSecurityProfiles"}]}';
    const h = hoverAt(text, at(text, 'UpdateUser').offset, iam)!;
    assert.deepStrictEqual({ offset: h.offset, length: h.length }, at(text, '"UpdateUserSecurityProfiles"'));
    assert.ok(h.markdown.startsWith('IAM action of this call:\n\n**connect:UpdateUserSecurityProfiles** (Amazon Connect)'), h.markdown);
    assert.ok(h.markdown.includes('**Changes privileges in Amazon Connect**'));
  });

  it('on an eventName in a later JSON Lines record', () => {
    const line = (name: string) => `{"eventVersion": "1.11", "eventSource": "connect.amazonaws.com", "eventName": "${name}"}`;
    const text = `${line('DescribeQueue')}\n${line('DeleteInstance')}\n`;
    const h = hoverAt(text, at(text, 'DeleteInstance').offset, iam)!;
    assert.deepStrictEqual({ offset: h.offset, length: h.length }, at(text, '"DeleteInstance"'));
    assert.ok(h.markdown.includes('**connect:DeleteInstance**'));
  });

  it('nothing on other strings', () => {
    const text = policy('{ "Sid": "A", "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" }');
    assert.strictEqual(hoverAt(text, at(text, '"A"').offset + 1, iam), undefined);
    assert.strictEqual(hoverAt(text, at(text, 'Allow').offset, iam), undefined);
  });
});

describe('assist: completion', () => {
  it('service prefixes in an empty action string, Connect family first, re-triggering for actions', () => {
    const text = policy('{ "Effect": "Allow", "Action": "", "Resource": "*" }');
    const items = completionsAt(text, at(text, '""').offset + 1, iam);
    const connect = items.find((i) => i.label === 'connect:')!;
    assert.deepStrictEqual({ kind: connect.kind, insertText: connect.insertText, retrigger: connect.retrigger, replace: connect.replace }, { kind: 'service', insertText: 'connect:', retrigger: true, replace: { offset: at(text, '""').offset + 1, length: 0 } });
    assert.ok(connect.sortText!.startsWith('0'));
    assert.strictEqual(items.length, iam.servicePrefixes().length);
  });

  it('actions after "prefix:", replacing the whole string content, with access level', () => {
    const text = policy('{ "Effect": "Allow", "Action": ["connect:Describe"], "Resource": "*" }');
    const items = completionsAt(text, at(text, 'connect:Desc').offset + 'connect:Desc'.length, iam);
    assert.strictEqual(items.length, iam.actionsOf('connect').length);
    const d = items.find((i) => i.label === 'connect:DescribeQueue')!;
    assert.deepStrictEqual({ detail: d.detail, replace: d.replace }, { detail: 'Read', replace: at(text, 'connect:Describe') });
  });

  it('condition operators at an operator key', () => {
    const text = policy('{ "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*", "Condition": { "Str": {} } }');
    const labels = completionsAt(text, at(text, 'Str').offset + 3, iam).map((i) => i.label);
    for (const op of ['StringEquals', 'StringLikeIfExists', 'Bool', 'Null', 'ForAnyValue:StringEquals']) assert.ok(labels.includes(op), op);
    assert.ok(!labels.includes('NullIfExists'));
  });

  it('condition keys of the statement\'s actions first, then common global keys; tag families as snippets', () => {
    const text = policy('{ "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*", "Condition": { "StringEquals": { "": "x" } } }');
    const items = completionsAt(text, at(text, '""').offset + 1, iam);
    const instance = items.find((i) => i.label === 'connect:InstanceId')!;
    assert.deepStrictEqual({ detail: instance.detail, sort: instance.sortText!.charAt(0) }, { detail: '1 of 1 actions, String', sort: '0' });
    const tag = items.find((i) => i.label === 'aws:ResourceTag/${TagKey}')!;
    assert.deepStrictEqual({ insertText: tag.insertText, snippet: tag.snippet }, { insertText: 'aws:ResourceTag/${1:TagKey}', snippet: true });
    const mfa = items.find((i) => i.label === 'aws:MultiFactorAuthPresent')!;
    assert.strictEqual(mfa.sortText!.charAt(0), '1');
  });

  it('Connect ARN skeletons in Resource, with wildcard tab stops that lint clean', () => {
    const text = policy('{ "Effect": "Allow", "Action": "connect:DescribeQueue", "Resource": "" }');
    const items = completionsAt(text, at(text, '""').offset + 1, iam);
    const queue = items.find((i) => i.label === 'Connect queue ARN')!;
    assert.strictEqual(queue.insertText, 'arn:aws:connect:${1:*}:${2:*}:instance/${3:*}/queue/${4:*}');
    assert.ok(!items.some((i) => i.label.startsWith('Connect wildcard-')));
  });

  it('nothing outside policy positions', () => {
    const text = policy('{ "Sid": "", "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" }');
    assert.deepStrictEqual(completionsAt(text, at(text, '""').offset + 1, iam), []);
  });
});
