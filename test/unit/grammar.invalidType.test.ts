import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip, findingsOf } from '../helpers/lint';

describe('invalid-type', () => {
  it('reports wrong types on the offending value', () => {
    const text = '{"Version": 2012, "Id": 7, "Statement": [{"Sid": 1, "Effect": false, "Action": ["connect:DescribeUser", 42], "NotResource": null, "Condition": {"StringEquals": "x"}}, "stray", {"Effect": "Allow", "Action": "connect:ListUsers", "Resource": {"arn": "x"}, "Condition": []}]}';
    const f = expectFindings('invalid-type', 'identity', text, 'error', [
      at(text, '2012'), at(text, '7'), { ...at(text, '1,'), length: 1 }, at(text, 'false'), at(text, '42'), at(text, 'null'),
      { ...at(text, '"x"}'), length: 3 }, at(text, '"stray"'), at(text, '{"arn": "x"}'), at(text, '[]'),
    ]);
    assert.match(f[0].message, /"Version" is a number: it must be a string/);
    assert.match(f[4].message, /An item of "Action" is a number/);
  });
  it('reports a document that is not an object, once', () => {
    for (const [text, length] of [['[]', 1], ['"x"', 3], ['42', 2], ['  [{"Effect": "Allow"}]', 1]] as const) {
      const f = expectFindings('invalid-type', 'identity', text, 'error', [{ offset: text.indexOf(text.trim()), length }]);
      assert.match(f[0].message, /a policy is a JSON object/);
    }
  });
  it('leaves Principal to principal-shape and condition values to condition-operator', () => {
    expectNone('invalid-type', 'resource', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": 5, "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/x": {"a": 1}}}}]}');
  });
  it('is silent on a well-typed policy', () => {
    expectNone('invalid-type', 'identity', '{"Version": "2012-10-17", "Id": "P", "Statement": [{"Sid": "A", "Effect": "Allow", "Action": ["connect:ListUsers"], "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": true}, "NumericLessThan": {"aws:MultiFactorAuthAge": 3600}}}]}');
  });
  it('fixes a numeric Version and quotes a numeric Sid', () => {
    const v = '{"Version": 2012, "Statement": [{"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"}]}';
    assert.strictEqual(expectFixRoundTrip('invalid-type', 'identity', v), v.replace('2012', '"2012-10-17"'));
    const sid = '{"Version": "2012-10-17", "Statement": [{"Sid": 1, "Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"}]}';
    assert.strictEqual(expectFixRoundTrip('invalid-type', 'identity', sid), sid.replace('1,', '"1",'));
    assert.strictEqual(findingsOf('invalid-type', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": 1, "Action": "connect:ListUsers", "Resource": "*"}]}')[0].fixes, undefined);
  });
});
