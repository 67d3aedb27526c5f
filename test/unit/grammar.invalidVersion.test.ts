import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';

const policy = (version: string) => `{\n  "Version": ${version},\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" }]\n}`;

describe('invalid-version', () => {
  it('reports a date that is not a language version, on the value', () => {
    const text = policy('"2024-05-01"');
    const [f] = expectFindings('invalid-version', 'identity', text, 'error', [at(text, '"2024-05-01"')]);
    assert.match(f.message, /"2012-10-17"/);
  });
  it('reports trailing whitespace inside the value', () => {
    const text = policy('"2012-10-17 "');
    expectFindings('invalid-version', 'scp', text, 'error', [at(text, '"2012-10-17 "')]);
  });
  it('warns on 2008-10-17: variables are not substituted', () => {
    const text = policy('"2008-10-17"');
    const [f] = expectFindings('invalid-version', 'trust', text, 'warning', [at(text, '"2008-10-17"')]);
    assert.match(f.message, /variables/);
  });
  it('leaves a non-string Version to invalid-type', () => {
    const text = policy('20121017');
    expectNone('invalid-version', 'identity', text);
    expectFindings('invalid-type', 'identity', text, 'error', [at(text, '20121017')]);
  });
  it('is silent on 2012-10-17 and when Version is absent', () => {
    expectNone('invalid-version', 'identity', policy('"2012-10-17"'));
    expectNone('invalid-version', 'identity', '{"Statement": []}');
  });
  it('fix sets 2012-10-17', () => {
    assert.strictEqual(expectFixRoundTrip('invalid-version', 'identity', policy('"2024-05-01"')), policy('"2012-10-17"'));
    assert.strictEqual(expectFixRoundTrip('invalid-version', 'identity', policy('"2008-10-17"')), policy('"2012-10-17"'));
  });
});
