import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';

const RULE = 'condition-redundant-value';
const doc = (condition: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:UpdateUserSecurityProfiles",\n    "Resource": "*",\n    "Condition": ${condition}\n  }]\n}`;

describe('condition-redundant-value', () => {
  it('reports every value but the largest under NumericLessThan(Equals)', () => {
    const text = doc('{ "NumericLessThanEqualsIfExists": { "aws:MultiFactorAuthAge": ["3600", 28800, "900"] } }');
    const got = expectFindings(RULE, 'identity', text, 'info', [at(text, '"3600"'), at(text, '"900"')]);
    assert.match(got[0].message, /largest one, 28800, decides/);
    assert.strictEqual(got[0].related![0].offset, at(text, '28800').offset);
  });
  it('reports every value but the smallest under NumericGreaterThan(Equals)', () => {
    const text = doc('{ "NumericGreaterThan": { "aws:MultiFactorAuthAge": ["10", "5"] } }');
    expectFindings(RULE, 'identity', text, 'info', [at(text, '"10"')]);
  });
  it('is silent for one value, NumericEquals, non-numbers and policy variables', () => {
    expectNone(RULE, 'identity', doc('{ "NumericLessThan": { "aws:MultiFactorAuthAge": ["3600"] }, "NumericEquals": { "s3:max-keys": ["10", "20"] } }'));
    expectNone(RULE, 'identity', doc('{ "NumericLessThan": { "aws:MultiFactorAuthAge": ["3600", "soon"] } }'));
    expectNone(RULE, 'identity', doc('{ "NumericLessThan": { "aws:MultiFactorAuthAge": ["3600", "${aws:PrincipalTag/MaxAge}"] } }'));
  });
  it('removes the redundant value', () => {
    const text = doc('{ "NumericLessThan": { "aws:MultiFactorAuthAge": ["3600", "28800"] } }');
    assert.strictEqual(expectFixRoundTrip(RULE, 'identity', text), doc('{ "NumericLessThan": { "aws:MultiFactorAuthAge": ["28800"] } }'));
  });
});
