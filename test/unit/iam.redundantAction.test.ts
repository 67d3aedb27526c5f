import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip, findingsOf } from '../helpers/lint';

const doc = (actions: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ${actions}, "Resource": "*" }]\n}`;

describe('redundant-action', () => {
  it('reports duplicates and items covered by a wildcard of the same list', () => {
    const text = doc('["connect:ListUsers", "connect:List*", "connect:DescribeUser", "connect:describeuser", "connect:*"]');
    const got = expectFindings('redundant-action', 'identity', text, 'info', [
      at(text, '"connect:ListUsers"'), at(text, '"connect:List*"'), at(text, '"connect:DescribeUser"'), at(text, '"connect:describeuser"'),
    ]);
    assert.match(got[0].message, /already matched by "connect:List\*"/);
    assert.match(got[3].message, /listed twice/);
    assert.strictEqual(got[3].related![0].offset, at(text, '"connect:DescribeUser"').offset);
  });
  it('keeps the first of two patterns that cover each other', () => {
    const text = doc('["connect:*", "connect:**"]');
    expectFindings('redundant-action', 'identity', text, 'info', [at(text, '"connect:**"')]);
  });
  it('is silent on distinct, non-overlapping items', () => {
    expectNone('redundant-action', 'identity', doc('["connect:Get*", "connect:G?tUser", "connect:ListUsers", "voiceid:List*"]'));
  });
  it('reports the first 100 items of a long list, then one summary on the key', () => {
    const text = doc(`[${Array.from({ length: 103 }, () => '"connect:ListUsers"').join(', ')}]`);
    const got = findingsOf('redundant-action', 'identity', text);
    assert.strictEqual(got.length, 101);
    const summary = got.find((f) => f.offset === at(text, '"Action"').offset)!;
    assert.strictEqual(summary.length, '"Action"'.length);
    assert.match(summary.message, /^2 more redundant items/);
  });
  it('fix removes the last item of a multi-line list, keeping the layout', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [\n        "connect:List*",\n        "connect:ListUsers"\n      ],\n      "Resource": "*"\n    }\n  ]\n}';
    const fixed = expectFixRoundTrip('redundant-action', 'identity', text);
    assert.strictEqual(fixed, '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [\n        "connect:List*"\n      ],\n      "Resource": "*"\n    }\n  ]\n}');
  });
  it('fix removes the item and keeps the array valid', () => {
    const fixed = expectFixRoundTrip('redundant-action', 'identity', doc('["connect:List*", "connect:ListUsers"]'));
    assert.strictEqual(fixed, doc('["connect:List*"]'));
  });
});
