import { hasWildcard } from './wildcard';
import type { CoverBudget } from './actions';

/**
 * Comparisons one list may spend on cover checks (a few milliseconds). Lists far beyond any
 * size quota run out and then report exact repeats only: rules run on every keystroke.
 */
export const COVER_BUDGET = 1_000_000;

/** Lists up to this long find repeats by searching the list instead of a map. */
const SHORT_LIST = 16;

export interface RedundantItem {
  /** Index of the redundant item in the list given. */
  index: number;
  /** Index of the item that makes it redundant (its first occurrence, or the covering pattern). */
  by: number;
  duplicate: boolean;
}

/**
 * Items of one list that repeat an earlier item (compared after `normalise`) or that a
 * wildcard item of the same list covers. Of two patterns that cover each other the first
 * is kept. `canCover` says whether an item may take part in cover checks at all (items
 * holding policy variables may not: their text is not what IAM matches).
 * Cost: at most items x distinct patterns cover checks, within COVER_BUDGET.
 */
export function findRedundant(
  values: readonly string[],
  normalise: (s: string) => string,
  covers: (outer: string, inner: string, budget: CoverBudget) => boolean,
  canCover: (s: string) => boolean = () => true,
): RedundantItem[] {
  const norm = values.map(normalise);
  // Each distinct wildcard pattern once (first occurrence): duplicates are found by the map,
  // or in a short list by searching it (cheaper than building a map).
  const patterns: number[] = [];
  const firstSeen = norm.length > SHORT_LIST ? new Map<string, number>() : undefined;
  const firstOf = (k: number) => (firstSeen ? firstSeen.get(norm[k])! : norm.indexOf(norm[k]));
  for (let k = 0; k < norm.length; k++) {
    if (firstSeen) {
      if (firstSeen.has(norm[k])) continue;
      firstSeen.set(norm[k], k);
    } else if (norm.indexOf(norm[k]) !== k) continue;
    if (hasWildcard(norm[k]) && canCover(norm[k])) patterns.push(k);
  }
  const out: RedundantItem[] = [];
  const budget: CoverBudget = { cells: COVER_BUDGET };
  for (let k = 0; k < norm.length; k++) {
    const first = firstOf(k);
    if (first !== k) {
      out.push({ index: k, by: first, duplicate: true });
      continue;
    }
    if (!canCover(norm[k]) || budget.cells <= 0) continue;
    for (const j of patterns) {
      if (budget.cells <= 0) break;
      if (j === k || !covers(norm[j], norm[k], budget)) continue;
      // Two patterns that cover each other: keep the first, report the later.
      if (j > k && hasWildcard(norm[k]) && covers(norm[k], norm[j], budget)) continue;
      out.push({ index: k, by: j, duplicate: false });
      break;
    }
  }
  return out;
}
