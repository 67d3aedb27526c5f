import * as assert from 'assert';
import { at, expectFindings, expectNone } from '../helpers/lint';

const policy = (statements: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n${statements}\n  ]\n}`;

describe('passrole-wildcard-resource', () => {
  it('warns on the granting action: explicit, wildcard, NotAction, and with NotResource', () => {
    const text = policy([
      '    { "Effect": "Allow", "Action": ["lambda:CreateFunction", "iam:PassRole"], "Resource": "*" },',
      '    { "Effect": "Allow", "Action": "iam:Pass*", "Resource": "arn:aws:iam::111122223333:role/*" },',
      '    { "Effect": "Allow", "NotAction": "s3:*", "Resource": "*" },',
      '    { "Effect": "Allow", "Action": "*", "NotResource": "arn:aws:iam::111122223333:role/admin" }',
    ].join('\n'));
    const got = expectFindings('passrole-wildcard-resource', 'identity', text, 'warning', [
      at(text, '"iam:PassRole"'), at(text, '"iam:Pass*"'), at(text, '"NotAction"'),
      { offset: at(text, '"Action": "*"').offset + '"Action": '.length, length: 3 },
    ]);
    assert.match(got[0].message, /explicitly on "\*"/);
    assert.match(got[1].message, /via "iam:Pass\*" on "arn:aws:iam::111122223333:role\/\*"/);
    assert.match(got[2].message, /via NotAction/);
    assert.match(got[3].message, /with NotResource/);
    assert.strictEqual(got[0].related![0].offset, at(text, '"Resource": "*"').offset + '"Resource": '.length);
  });
  it('is silent with iam:PassedToService, on named roles, on Deny, when NotAction excludes it, and outside identity policies', () => {
    const ok = policy([
      '    { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": { "StringEquals": { "iam:PassedToService": "lambda.amazonaws.com" } } },',
      '    { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/service-role/connect-flow-*" },',
      '    { "Effect": "Deny", "Action": "iam:PassRole", "Resource": "*" },',
      '    { "Effect": "Allow", "NotAction": "iam:*", "Resource": "*" }',
    ].join('\n'));
    expectNone('passrole-wildcard-resource', 'identity', ok);
    expectNone('passrole-wildcard-resource', 'scp', policy('    { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*" }'));
  });
});
