import * as assert from 'assert';
import { loadIamData } from '../../server/src/engine';

describe('engine caches: bounded, and eviction never changes an answer', function () {
  this.timeout(60_000);

  it('a known action keeps one object however many unknown names are looked up (sets compare actions by identity)', () => {
    const iam = loadIamData();
    const before = iam.action('connect', 'DescribeUser');
    for (let i = 0; i < 10_000; i++) assert.strictEqual(iam.action('connect', `DescribeUserX${i}`), undefined);
    assert.strictEqual(iam.action('connect', 'describeuser'), before);
    assert.ok(iam.expandAction('connect:DescribeUser').includes(before!));
  });

  it('expansions stay right after the pattern table has been emptied (over 5,000 distinct patterns)', () => {
    const iam = loadIamData();
    const first = iam.expandAction('connect:DescribeUser*').map((a) => a.name).sort();
    for (let i = 0; i < 6_000; i++) iam.expandAction(`connect:Describe${i}*`);
    assert.deepStrictEqual(iam.expandAction('connect:DescribeUser*').map((a) => a.name).sort(), first);
    assert.ok(first.includes('DescribeUser') && first.includes('DescribeUserHierarchyGroup'), first.join());
  });
});
