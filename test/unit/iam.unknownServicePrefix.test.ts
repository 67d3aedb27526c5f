import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip, findingsOf } from '../helpers/lint';

const doc = (actions: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ${actions}, "Resource": "*" }]\n}`;

describe('unknown-service-prefix', () => {
  const text = doc('["conect:ListUsers", "Connect:DescribeUser", "connect:ListQueues"]');
  it('reports the prefix part of unknown and upper-case prefixes', () => {
    const got = expectFindings('unknown-service-prefix', 'identity', text, 'error', [at(text, 'conect'), at(text, 'Connect')]);
    assert.match(got[0].message, /Did you mean "connect"/);
    assert.match(got[1].message, /must be lower case/);
  });
  it('reports an action with no prefix at all', () => {
    const t = doc('["ListUsers", ":DescribeUser", "*"]');
    const got = expectFindings('unknown-service-prefix', 'identity', t, 'error', [at(t, 'ListUsers'), at(t, ':DescribeUser')]);
    assert.match(got[0].message, /has no service prefix/);
  });
  it('maps the range through JSON escapes', () => {
    const u = doc('"\\u0063onect:ListUsers"');
    expectFindings('unknown-service-prefix', 'identity', u, 'error', [at(u, '\\u0063onect')]);
    const t = doc('"c\\/onect:ListUsers"');
    expectFindings('unknown-service-prefix', 'scp', t, 'error', [at(t, 'c\\/onect')]);
  });
  it('is silent on known prefixes, "*" and wildcard prefixes', () => {
    expectNone('unknown-service-prefix', 'identity', doc('["connect:ListUsers", "*", "connect*:List*", "voiceid:DescribeDomain"]'));
  });
  it('fix replaces a misspelt prefix with the suggestion', () => {
    const fixed = expectFixRoundTrip('unknown-service-prefix', 'identity', doc('"conect:ListUsers"'));
    assert.strictEqual(fixed, doc('"connect:ListUsers"'));
  });
  it('fix lower-cases an upper-case prefix', () => {
    const t = doc('"Connect:ListUsers"');
    assert.strictEqual(findingsOf('unknown-service-prefix', 'identity', t)[0].fixes![0].preferred, true);
    assert.strictEqual(expectFixRoundTrip('unknown-service-prefix', 'identity', t), doc('"connect:ListUsers"'));
  });
});
