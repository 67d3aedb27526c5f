/**
 * Glob patterns as token arrays, and whether two of them share a string. Used to match
 * the ARNs a policy writes (IAM wildcards, policy variables) against the catalogue's ARN
 * formats (`${...}` parts), where both sides may hold wildcards.
 */

/** A token >= 0 is a literal char code; negatives are wildcards. */
export type Tokens = Int32Array;
/** Any single character. */
export const ONE = -1;
/** Any run (runs are the tokens <= ANY). */
export const ANY = -2;
/** Any run without '/'. */
export const NO_SLASH = -3;
/** Any run without ':'. */
export const NO_COLON = -4;

function runAccepts(run: number, c: number): boolean {
  if (c === ONE || run === ANY) return true;
  return run === NO_SLASH ? c !== 47 : c !== 58;
}

// Two rows of the reachability table, reused between calls (grown for long ARNs up to
// ROW_KEEP; longer ones get rows that are dropped after the call).
const ROW_KEEP = 1 << 16;
let rowA = new Uint8Array(256);
let rowB = new Uint8Array(256);

/**
 * Whether two glob patterns share at least one string. Equal-width heads and tails
 * (literals and `?`, where the alignment is forced) are compared directly; the middle
 * goes through dynamic programming over the product of positions, O(|a| x |b|) time and
 * O(|b|) memory, no backtracking, stopping as soon as a row reaches nothing.
 */
export function intersects(a: Tokens, b: Tokens): boolean {
  let a0 = 0;
  let b0 = 0;
  let a1 = a.length;
  let b1 = b.length;
  while (a0 < a1 && b0 < b1) {
    const x = a[a0];
    const y = b[b0];
    if (x <= ANY || y <= ANY) break;
    if (x !== y && x !== ONE && y !== ONE) return false;
    a0++;
    b0++;
  }
  while (a1 > a0 && b1 > b0) {
    const x = a[a1 - 1];
    const y = b[b1 - 1];
    if (x <= ANY || y <= ANY) break;
    if (x !== y && x !== ONE && y !== ONE) return false;
    a1--;
    b1--;
  }
  const n = a1 - a0;
  const m = b1 - b0;
  let cur: Uint8Array;
  let next: Uint8Array;
  if (m + 1 > ROW_KEEP) {
    cur = new Uint8Array(m + 1);
    next = new Uint8Array(m + 1);
  } else {
    if (rowA.length < m + 1) {
      rowA = new Uint8Array(m + 1);
      rowB = new Uint8Array(m + 1);
    }
    cur = rowA;
    next = rowB;
    cur.fill(0, 0, m + 1);
  }
  // cur[j]: a[a0, a0+i) and b[b0, b0+j) can spell a common string.
  cur[0] = 1;
  for (let i = 0; i <= n; i++) {
    const hasX = i < n;
    const x = hasX ? a[a0 + i] : 0;
    const rx = hasX && x <= ANY;
    if (hasX) next.fill(0, 0, m + 1);
    let live = false;
    for (let j = 0; j <= m; j++) {
      if (!cur[j]) continue;
      live = true;
      if (rx) next[j] = 1; // the run of a ends here
      if (j === m) continue;
      const y = b[b0 + j];
      const ry = y <= ANY;
      if (ry) cur[j + 1] = 1; // the run of b ends here
      if (!hasX) continue;
      if (!rx && !ry) {
        if (x === ONE || y === ONE || x === y) next[j + 1] = 1;
      } else if (rx && !ry) {
        if (runAccepts(x, y)) cur[j + 1] = 1; // a's run takes b's character
      } else if (!rx && ry) {
        if (runAccepts(y, x)) next[j] = 1; // b's run takes a's character
      }
    }
    if (!hasX) return cur[m] === 1;
    if (!live) return false;
    const t = cur;
    cur = next;
    next = t;
  }
  return false;
}
