import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';

const RULE = 'redundant-statement';
const doc = (...statements: string[]) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statements.join(',\n    ')}\n  ]\n}`;
const A = '{ "Sid": "A", "Effect": "Allow", "Action": ["connect:DescribeQueue", "connect:ListQueues"], "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/Team": ["x", "y"] } } }';

describe('redundant-statement', () => {
  it('reports a statement equal to an earlier one, with lists in any order, action and key case ignored, Sid ignored', () => {
    const B = '{ "Sid": "B", "Effect": "Allow", "Action": ["connect:listqueues", "connect:DescribeQueue", "connect:ListQueues"], "Resource": ["*"], "Condition": { "StringEquals": { "aws:resourcetag/Team": ["y", "x"] } } }';
    const C = '{ "Effect": "Allow", "Resource": "*", "Action": ["connect:ListQueues", "connect:DescribeQueue"], "Condition": { "StringEquals": { "aws:ResourceTag/Team": ["x", "y", "x"] } } }';
    const text = doc(A, B, C);
    const got = expectFindings(RULE, 'identity', text, 'info', [at(text, B), at(text, C)]);
    assert.match(got[0].message, /^Statement "B" repeats statement "A"/);
    assert.match(got[1].message, /^Statement 3 repeats statement "A"/);
    assert.strictEqual(got[1].related![0].offset, at(text, A).offset);
  });
  it('is silent when the effect, a resource\'s case, a condition value, an operator or an element differs', () => {
    expectNone(RULE, 'identity', doc(A, A.replace('"Allow"', '"Deny"')));
    expectNone(RULE, 'identity', doc(
      '{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k" }',
      '{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::B/k" }',
      '{ "Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::b/k" }',
    ));
    expectNone(RULE, 'identity', doc(A, A.replace('"y"]', '"z"]'), A.replace('StringEquals', 'StringLike'), A.replace(', "Condition": { "StringEquals": { "aws:ResourceTag/Team": ["x", "y"] } }', '')));
  });
  it('compares principals of resource policies', () => {
    const s = (p: string) => `{ "Effect": "Allow", "Principal": ${p}, "Action": "kms:Decrypt", "Resource": "*" }`;
    expectNone(RULE, 'resource', doc(s('{ "AWS": "111122223333" }'), s('{ "AWS": "444455556666" }')));
    const text = doc(s('{ "AWS": ["111122223333", "444455556666"] }'), s('{ "AWS": ["444455556666", "111122223333"] }'));
    expectFindings(RULE, 'resource', text, 'info', [at(text, s('{ "AWS": ["444455556666", "111122223333"] }'))]);
  });
  it('removes the later statement', () => {
    const text = doc(A, A.replace('"A"', '"B"'));
    assert.strictEqual(expectFixRoundTrip(RULE, 'identity', text), doc(A));
  });
  it('compares resource lists as sets: order and repeats do not matter, a different middle item does', () => {
    const R = (list: string) => `{ "Effect": "Allow", "Action": "connect:DescribeQueue", "Resource": [${list}] }`;
    const first = R('"arn:aws:connect:eu-west-2:111122223333:instance/a", "arn:aws:connect:eu-west-2:111122223333:instance/m", "arn:aws:connect:eu-west-2:111122223333:instance/z"');
    const same = R('"arn:aws:connect:eu-west-2:111122223333:instance/z", "arn:aws:connect:eu-west-2:111122223333:instance/a", "arn:aws:connect:eu-west-2:111122223333:instance/m", "arn:aws:connect:eu-west-2:111122223333:instance/a"');
    const middle = R('"arn:aws:connect:eu-west-2:111122223333:instance/a", "arn:aws:connect:eu-west-2:111122223333:instance/n", "arn:aws:connect:eu-west-2:111122223333:instance/z"');
    const text = doc(first, middle, same);
    expectFindings(RULE, 'identity', text, 'info', [at(text, same)]);
    expectNone(RULE, 'identity', doc(first, middle));
  });
});
