import * as assert from 'assert';
import { at, expectFindings, expectNone } from '../helpers/lint';

describe('action-and-notaction', () => {
  it('reports each exclusive pair on its second key, pointing at the first', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "111122223333"}, "Principal": {"AWS": "111122223333"}, "NotAction": "kms:Decrypt", "Action": "kms:Encrypt", "Resource": "*", "NotResource": "arn:aws:kms:eu-west-2:111122223333:key/x"}]}';
    const f = expectFindings('action-and-notaction', 'resource', text, 'error', [at(text, '"Principal"'), at(text, '"Action"'), at(text, '"NotResource"')]);
    assert.deepStrictEqual(f[1].related?.map((r) => text.substr(r.offset, r.length)), ['"NotAction"']);
    assert.match(f[0].message, /both "Principal" and "NotPrincipal"/);
  });
  it('applies to identity policies too', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:Describe*", "NotAction": "connect:DescribeInstance", "Resource": "*"}]}';
    expectFindings('action-and-notaction', 'identity', text, 'error', [at(text, '"NotAction"')]);
  });
  it('is silent with one element of each pair', () => {
    expectNone('action-and-notaction', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "connect:Describe*", "NotResource": "*"}]}');
  });
});
