import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';

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
  it('fix removes the item and keeps the array valid', () => {
    const fixed = expectFixRoundTrip('redundant-action', 'identity', doc('["connect:List*", "connect:ListUsers"]'));
    assert.strictEqual(fixed, doc('["connect:List*"]'));
  });
});
