import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';

const RULE = 'condition-region';
const policy = (condition: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "NotAction": ["iam:*", "sts:*"],\n    "Resource": "*",\n    "Condition": ${condition}\n  }]\n}`;

describe('condition-region', () => {
  it('reports misspelt and upper-case Region codes with a fix', () => {
    const text = policy('{ "StringNotEquals": { "aws:RequestedRegion": ["eu-west2", "EU-CENTRAL-1", "London"] } }');
    const got = expectFindings(RULE, 'scp', text, 'error', [at(text, '"eu-west2"'), at(text, '"EU-CENTRAL-1"'), at(text, '"London"')]);
    assert.match(got[0].message, /\(did you mean "eu-west-2"\?\)/);
    assert.deepStrictEqual(got[0].fixes?.map((f) => [f.title, f.preferred]), [['Change to "eu-west-2"', true]]);
    const fixed = expectFixRoundTrip(RULE, 'scp', text);
    assert.ok(fixed.includes('["eu-west-2", "EU-CENTRAL-1"'), fixed);
  });
  it('only warns on a well-formed code it does not know', () => {
    const text = policy('{ "StringNotEquals": { "aws:RequestedRegion": "xx-middle-9" } }');
    expectFindings(RULE, 'scp', text, 'warning', [at(text, '"xx-middle-9"')]);
  });
  it('is silent on known codes, wildcards, variables and other keys', () => {
    expectNone(RULE, 'scp', policy('{ "StringNotEquals": { "aws:RequestedRegion": ["eu-west-2", "us-gov-west-1", "cn-north-1"] }, "StringNotLike": { "aws:RequestedRegion": "eu-*" }, "StringEquals": { "aws:PrincipalTag/Region": "London" } }'));
  });
});
