import * as assert from 'assert';
import { loadIamData } from '../../server/src/engine';
import { wildcardMatch, compileWildcard } from '../../server/src/engine/iam/wildcard';
import { timed } from '../property/support/budget';
import { BLOWUP_PATTERNS as PATTERNS } from '../property/support/hostile';

/**
 * Patterns that make backtracking matchers exponential (`*a*a*a...b` against `aaaa...`)
 * or quadratic (long runs of `?` or `*`). Against the whole catalogue (about 22,000
 * actions, every service) a linear matcher takes a few milliseconds; the bound, 500 ms,
 * leaves 50x and more for a loaded machine, while a regex-based matcher needs minutes.
 */
const BOUND_MS = 500;

describe('robustness: wildcard patterns built to blow up naive matchers', function () {
  this.timeout(60_000);
  const iam = loadIamData();
  before(() => iam.allActions());

  for (const pattern of PATTERNS) {
    it(`expandAction(${JSON.stringify(pattern.length > 60 ? pattern.slice(0, 40) + `... (${pattern.length} chars)` : pattern)}) over every action`, () => {
      const { ms, value } = timed(() => iam.expandAction(pattern + '\u0000fresh')); // never memoised before
      assert.ok(ms < BOUND_MS, `took ${ms.toFixed(0)} ms`);
      assert.deepStrictEqual(value, []);
      const raw = timed(() => iam.allActions().filter((a) => wildcardMatch(pattern, a.fullName)));
      assert.ok(raw.ms < BOUND_MS, `wildcardMatch over every action took ${raw.ms.toFixed(0)} ms`);
    });
  }

  it('*a*a*a...b against a long run of a (the classic exponential case) is linear enough', () => {
    const pattern = '*a'.repeat(30) + 'b';
    const text = 'a'.repeat(100_000);
    const { ms, value } = timed(() => wildcardMatch(pattern, text));
    assert.strictEqual(value, false);
    assert.ok(ms < BOUND_MS, `took ${ms.toFixed(0)} ms`);
    assert.strictEqual(compileWildcard(pattern)(text + 'b'), true);
  });
});
