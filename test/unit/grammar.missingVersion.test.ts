import * as assert from 'assert';
import { expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';

describe('missing-version', () => {
  const bad = '{\n  "Statement": [{ "Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*" }]\n}';
  it('fires on the opening brace when Version is absent', () => {
    expectFindings('missing-version', 'identity', bad, 'warning', [{ offset: 0, length: 1 }]);
  });
  it('is silent when Version is present', () => {
    expectNone('missing-version', 'scp', '{"Version": "2012-10-17", "Statement": []}');
  });
  it('fix inserts Version first, keeping indentation', () => {
    const fixed = expectFixRoundTrip('missing-version', 'identity', bad);
    assert.ok(fixed.startsWith('{\n  "Version": "2012-10-17",\n  "Statement"'), fixed);
  });
});
