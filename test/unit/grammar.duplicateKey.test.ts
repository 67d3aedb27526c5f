import * as assert from 'assert';
import { at, expectFindings, expectNone } from '../helpers/lint';

describe('duplicate-key', () => {
  it('reports a repeated key on the repeat, anywhere in the document', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:ListUsers", "Action": "connect:DescribeUser", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/Team": "Agents"}, "StringEquals": {"aws:PrincipalTag/Role": "Admin"}}}], "Version": "2012-10-17"}';
    const f = expectFindings('duplicate-key', 'identity', text, 'error', [at(text, '"Action"', 1), at(text, '"StringEquals"', 1), at(text, '"Version"', 1)]);
    assert.deepStrictEqual(f[0].related?.map((r) => r.offset), [at(text, '"Action"').offset]);
  });
  it('reports condition keys that differ only in case within one operator block', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/Team": "A", "aws:resourcetag/team": "B"}}}]}';
    const [f] = expectFindings('duplicate-key', 'identity', text, 'error', [at(text, '"aws:resourcetag/team"')]);
    assert.match(f.message, /case-insensitive/);
  });
  it('is silent on distinct keys and on keys that differ in case outside condition blocks', () => {
    expectNone('duplicate-key', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/Team": "A"}, "StringLike": {"aws:ResourceTag/Team": "B*"}}}]}');
    expectNone('duplicate-key', 'resource', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333", "aws": "x"}, "Action": "kms:Decrypt", "Resource": "*"}]}');
  });
  it('finds repeats in small and large objects alike, each pointing at the first of its name', () => {
    // 14 keys in one operator block (over the small-object scan), and the same repeats in a block of 4.
    const many = Array.from({ length: 10 }, (_, i) => `"aws:ResourceTag/K${i}": "v"`).join(', ');
    for (const keys of [many, '"aws:ResourceTag/K0": "v"']) {
      const text = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*", "Condition": {"StringEquals": {${keys}, "aws:resourcetag/team": "a", "aws:ResourceTag/Team": "b", "aws:ResourceTag/K0": "w", "AWS:RESOURCETAG/TEAM": "c"}}}]}`;
      const f = expectFindings('duplicate-key', 'identity', text, 'error', [at(text, '"aws:ResourceTag/Team"'), at(text, '"aws:ResourceTag/K0"', 1), at(text, '"AWS:RESOURCETAG/TEAM"')]);
      assert.deepStrictEqual(f.map((x) => x.related?.[0].offset), [at(text, '"aws:resourcetag/team"').offset, at(text, '"aws:ResourceTag/K0"').offset, at(text, '"aws:resourcetag/team"').offset]);
      assert.match(f[1].message, /appears twice/);
      assert.match(f[2].message, /case-insensitive/);
    }
  });
});
