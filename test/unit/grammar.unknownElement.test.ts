import * as assert from 'assert';
import { applyFix } from '../../server/src/engine';
import { at, expectFindings, expectNone, expectFixRoundTrip, findingsOf } from '../helpers/lint';

const good = '{\n  "Version": "2012-10-17",\n  "Id": "AgentPolicy",\n  "Statement": [{ "Sid": "Read", "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}} }]\n}';

describe('unknown-element', () => {
  it('reports a typo and a wrong case on the key, with a did-you-mean', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "effect": "Allow", "Actoin": "connect:DescribeUser", "Resource": "*" }]\n}';
    const f = expectFindings('unknown-element', 'identity', text, 'error', [at(text, '"effect"'), at(text, '"Actoin"')]);
    assert.match(f[0].message, /case-sensitive: write "Effect"/);
    assert.match(f[1].message, /did you mean "Action"/);
  });
  it('reports unknown top-level keys and misplaced elements', () => {
    const text = '{"Version": "2012-10-17", "Effect": "Allow", "Comment": "x", "Statement": [{"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*", "Version": "2012-10-17"}]}';
    const f = expectFindings('unknown-element', 'identity', text, 'error', [at(text, '"Effect"'), at(text, '"Comment"'), at(text, '"Version"', 1)]);
    assert.match(f[0].message, /belongs inside a statement/);
    assert.match(f[2].message, /belongs at the top level/);
  });
  it('offers no rename when the element already exists', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:ListUsers", "action": "connect:DescribeUser", "Resource": "*"}]}';
    const [f] = expectFindings('unknown-element', 'identity', text, 'error', [at(text, '"action"')]);
    assert.strictEqual(f.fixes, undefined);
    assert.match(f.message, /already has "Action"/);
  });
  it('renames only the first of two misspellings of one element, so fix all never makes two keys of the same name', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Actoin": "connect:DeleteInstance", "Actions": "connect:CreateInstance", "Resource": "*"}]}';
    const f = expectFindings('unknown-element', 'scp', text, 'error', [at(text, '"Actoin"'), at(text, '"Actions"')]);
    assert.deepStrictEqual(f.map((x) => x.fixes?.map((fx) => fx.title)), [['Rename to "Action"'], undefined]);
    assert.match(f[1].message, /An earlier key of this statement is also a misspelling of "Action" and is the one renamed: merge the two or remove this one\.$/);
    assert.strictEqual(applyFix(text, f[0].fixes![0]), '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "connect:DeleteInstance", "Actions": "connect:CreateInstance", "Resource": "*"}]}');
  });
  it('is silent on every known element', () => {
    expectNone('unknown-element', 'identity', good);
    expectNone('unknown-element', 'resource', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "111122223333"}, "NotAction": "kms:Decrypt", "NotResource": "*"}]}');
  });
  it('fix renames only the key and the missing-* rules stay quiet', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Actoin": "connect:ListUsers", "Resource": "*"}]}';
    assert.deepStrictEqual(findingsOf('missing-action', 'identity', text), []);
    assert.strictEqual(expectFixRoundTrip('unknown-element', 'identity', text), text.replace('"Actoin"', '"Action"'));
  });
});
