import * as assert from 'assert';
import { patternCovers } from '../../server/src/engine/iam/actions';
import { findRedundant, COVER_BUDGET } from '../../server/src/engine/iam/redundant';

const cs = (o: string, i: string, budget: { cells: number }) => patternCovers(o, i, true, budget);

describe('redundant-item detection (iam/redundant.ts)', () => {
  it('patternCovers compares the literal ends before the middle, case-sensitively when asked', () => {
    assert.ok(patternCovers('arn:aws:s3:::b/*', 'arn:aws:s3:::b/k', true));
    assert.ok(!patternCovers('arn:aws:s3:::B/*', 'arn:aws:s3:::b/k', true));
    assert.ok(patternCovers('arn:aws:s3:::B/*', 'arn:aws:s3:::b/k'));
    assert.ok(!patternCovers('a*b', 'ab*', true));
    assert.ok(patternCovers('a*?b', 'a*xb', true));
    assert.ok(!patternCovers('a*?b', 'a*', true));
    assert.ok(!patternCovers('ab?', 'ab*', true));
    assert.ok(!patternCovers('abc*', 'ab', true));
  });
  it('patternCovers answers false once the budget is spent', () => {
    assert.ok(patternCovers('a*', 'ab', true, { cells: 100 }));
    assert.ok(!patternCovers('a*', 'ab', true, { cells: 0 }));
  });
  it('reports repeats and covered items with what made them redundant', () => {
    assert.deepStrictEqual(findRedundant(['x/1', 'x/*', 'x/1', 'y'], (v) => v, cs), [
      { index: 0, by: 1, duplicate: false },
      { index: 2, by: 0, duplicate: true },
    ]);
  });
  it('finds the same repeats in lists of any length (first occurrence named, after normalising)', () => {
    // 3 items, then the same 3 after 15 fillers (18 items).
    const fillers = Array.from({ length: 15 }, (_, i) => `f/${i}`);
    const lower = (v: string) => v.toLowerCase();
    assert.deepStrictEqual(findRedundant(['A/1', 'a/*', 'a/1'], lower, cs), [
      { index: 0, by: 1, duplicate: false },
      { index: 2, by: 0, duplicate: true },
    ]);
    assert.deepStrictEqual(findRedundant(['A/1', 'a/*', ...fillers, 'a/1'], lower, cs), [
      { index: 0, by: 1, duplicate: false },
      { index: 17, by: 0, duplicate: true },
    ]);
  });
  it('once a huge list spends the budget, only exact repeats are reported', () => {
    // Every pattern shares its literal ends with every other, so each pair costs the DP.
    const n = Math.ceil(Math.sqrt(COVER_BUDGET / 4)) + 10;
    const list = Array.from({ length: n }, (_, i) => `*${'q'.repeat(i % 7)}${i}*`);
    list.push('zz1', 'zz*', list[3]);
    const unbounded = findRedundant(list, (v) => v, (o, i) => patternCovers(o, i, true));
    assert.deepStrictEqual(unbounded.filter((r) => r.index >= n), [{ index: n, by: n + 1, duplicate: false }, { index: n + 2, by: 3, duplicate: true }]);
    const got = findRedundant(list, (v) => v, cs);
    assert.deepStrictEqual(got.filter((r) => r.index >= n), [{ index: n + 2, by: 3, duplicate: true }]);
  });
});
