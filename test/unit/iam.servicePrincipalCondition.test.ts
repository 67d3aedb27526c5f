import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';

const RULE = 'service-principal-condition';
const policy = (principal: string, resource: string, condition?: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": ${principal},\n    "Action": "lambda:InvokeFunction",\n    "Resource": ${resource}${condition ? `,\n    "Condition": ${condition}` : ''}\n  }]\n}`;
const FN = '"arn:aws:lambda:eu-west-2:111122223333:function:lookup-customer"';

describe('service-principal-condition', () => {
  it('warns at each service principal granted without aws:SourceArn / aws:SourceAccount', () => {
    const text = policy('{ "Service": ["connect.amazonaws.com", "lex.amazonaws.com"] }', FN);
    const got = expectFindings(RULE, 'resource', text, 'warning', [at(text, '"connect.amazonaws.com"'), at(text, '"lex.amazonaws.com"')]);
    assert.match(got[0].message, /confused deputy/);
  });
  it('adds aws:SourceAccount from the one account in Resource', () => {
    const text = policy('{ "Service": "connect.amazonaws.com" }', FN);
    const fixed = expectFixRoundTrip(RULE, 'resource', text);
    assert.ok(/"Condition": \{\s*"StringEquals": \{\s*"aws:SourceAccount": "111122223333"/.test(fixed), fixed);
  });
  it('offers no fix when the account is unknown', () => {
    const text = policy('{ "Service": "connect.amazonaws.com" }', '"*"');
    const [f] = expectFindings(RULE, 'resource', text, 'warning', [at(text, '"connect.amazonaws.com"')]);
    assert.strictEqual(f.fixes, undefined);
  });
  it('offers no fix when Condition or its StringEquals block is not an object', () => {
    for (const cond of ['[]', '{ "StringEquals": "x" }']) {
      const text = policy('{ "Service": "connect.amazonaws.com" }', FN, cond);
      const [f] = expectFindings(RULE, 'resource', text, 'warning', [at(text, '"connect.amazonaws.com"')]);
      assert.strictEqual(f.fixes, undefined, cond);
    }
  });
  it('suggests a stronger key when only aws:Referer scopes the grant', () => {
    const text = policy('{ "Service": "connect.amazonaws.com" }', FN, '{ "StringEquals": { "aws:Referer": "x" } }');
    expectFindings(RULE, 'resource', text, 'info', [at(text, '"connect.amazonaws.com"')]);
  });
  it('adds aws:SourceAccount beside an existing StringEquals key', () => {
    const text = policy('{ "Service": "connect.amazonaws.com" }', FN, '{ "StringEquals": { "aws:Referer": "x" } }');
    const fixed = expectFixRoundTrip(RULE, 'resource', text);
    assert.ok(/"aws:Referer": "x",\s*"aws:SourceAccount": "111122223333"/.test(fixed), fixed);
  });
  it('is silent with aws:SourceArn or aws:SourceAccount, for AWS principals, and for Deny', () => {
    expectNone(RULE, 'resource', policy('{ "Service": "connect.amazonaws.com" }', FN, '{ "ArnLike": { "aws:SourceArn": "arn:aws:connect:eu-west-2:111122223333:instance/*" } }'));
    expectNone(RULE, 'resource', policy('{ "Service": "connect.amazonaws.com" }', FN, '{ "StringEquals": { "aws:sourceaccount": "111122223333" } }'));
    expectNone(RULE, 'resource', policy('{ "AWS": "arn:aws:iam::111122223333:root" }', FN));
    expectNone(RULE, 'resource', policy('{ "Service": "connect.amazonaws.com" }', FN).replace('"Allow"', '"Deny"'));
  });
  it('does not apply to trust policies', () => {
    expectNone(RULE, 'trust', policy('{ "Service": "connect.amazonaws.com" }', FN));
  });
});
