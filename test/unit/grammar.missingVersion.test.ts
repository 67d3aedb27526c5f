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

describe('missing-version: fix layout', () => {
  it('keeps a one-line layout and handles an empty object', () => {
    const oneLine = '{"Statement": [{"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"}]}';
    assert.strictEqual(expectFixRoundTrip('missing-version', 'identity', oneLine), '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"}]}');
    const tabs = '{\r\n\t"Statement": [{"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"}]\r\n}';
    assert.strictEqual(expectFixRoundTrip('missing-version', 'identity', tabs), '{\r\n\t"Version": "2012-10-17",\r\n\t"Statement": [{"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"}]\r\n}');
  });
});
