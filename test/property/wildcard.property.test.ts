import * as assert from 'assert';
import * as fc from 'fast-check';
import { wildcardMatch, compileWildcard } from '../../server/src/engine/iam/wildcard';
import { check } from './support/budget';

/** Reference semantics, fine for the short strings generated here (the regex can backtrack exponentially on long ones). */
function reference(pattern: string, text: string, ci: boolean): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');
  return new RegExp(`^${source}$`, ci ? 'i' : '').test(text);
}

const alphabet = fc.constantFrom('a', 'b', 'A', 'B', ':', '*', '?', '.', '\\', '$');
const short = (max: number) => fc.array(alphabet, { maxLength: max }).map((a) => a.join(''));

describe('property: wildcard matching', function () {
  this.timeout(30_000);
  it('agrees with the regular-expression reference (case-insensitive and sensitive)', () => {
    check(
      fc.property(short(8), short(10), fc.boolean(), (p, t, ci) => {
        assert.strictEqual(wildcardMatch(p, t, ci), reference(p, t, ci), `${JSON.stringify(p)} vs ${JSON.stringify(t)} ci=${ci}`);
      }),
      3000,
    );
  });
  it('compileWildcard agrees with wildcardMatch', () => {
    check(
      fc.property(short(8), short(10), (p, t) => {
        assert.strictEqual(compileWildcard(p)(t), wildcardMatch(p, t, true), `${JSON.stringify(p)} vs ${JSON.stringify(t)}`);
      }),
      3000,
    );
  });
});
