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

// Two rows of the reachability table, reused between calls and all zero between them
// (grown for long ARNs up to ROW_KEEP; longer ones get rows that are dropped after the call).
const ROW_KEEP = 1 << 16;
let rowA = new Uint8Array(256);
let rowB = new Uint8Array(256);

/**
 * Whether two glob patterns share at least one string. Equal-width heads and tails
 * (literals and `?`, where the alignment is forced) are compared directly; the middle
 * goes through dynamic programming over the product of positions, no backtracking:
 * O(|a| x |b|) at worst, but each row visits only the span its predecessor reached, and
 * the first row that reaches nothing ends it. O(|b|) memory.
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
  }
  // cur[j]: a[a0, a0+i) and b[b0, b0+j) can spell a common string; set cells lie in
  // [lo, hi]. Cells are cleared as they are visited, so both rows end all zero.
  cur[0] = 1;
  let lo = 0;
  let hi = 0;
  for (let i = 0; ; i++) {
    const hasX = i < n;
    const x = hasX ? a[a0 + i] : 0;
    const rx = hasX && x <= ANY;
    let nlo = m + 1;
    let nhi = -1;
    let end = false;
    for (let j = lo; j <= hi; j++) {
      if (!cur[j]) continue;
      cur[j] = 0;
      if (rx) {
        // The run of a ends here.
        next[j] = 1;
        if (j < nlo) nlo = j;
        if (j > nhi) nhi = j;
      }
      if (j === m) {
        end = true;
        continue;
      }
      const y = b[b0 + j];
      const ry = y <= ANY;
      if (ry) {
        // The run of b ends here.
        cur[j + 1] = 1;
        if (j + 1 > hi) hi = j + 1;
      }
      if (!hasX) continue;
      if (!rx && !ry) {
        if (x === ONE || y === ONE || x === y) {
          next[j + 1] = 1;
          if (j + 1 < nlo) nlo = j + 1;
          if (j + 1 > nhi) nhi = j + 1;
        }
      } else if (rx && !ry) {
        if (runAccepts(x, y)) {
          // a's run takes b's character.
          cur[j + 1] = 1;
          if (j + 1 > hi) hi = j + 1;
        }
      } else if (!rx && ry) {
        if (runAccepts(y, x)) {
          // b's run takes a's character.
          next[j] = 1;
          if (j < nlo) nlo = j;
          if (j > nhi) nhi = j;
        }
      }
    }
    if (!hasX) return end;
    if (nhi < 0) return false;
    const t = cur;
    cur = next;
    next = t;
    lo = nlo;
    hi = nhi;
  }
}

/** A pattern's tokens with what lets most non-matching pairs be ruled out without the table. */
export interface Glob {
  tokens: Tokens;
  /** The only string of a pattern without wildcards (unset for long built ones). */
  text: string | undefined;
  /** The literal runs between wildcards, in order, for a pattern without `?`. */
  segments: string[] | undefined;
}

const TEXT_LIMIT = 4096;

/**
 * `text`: the pattern's only string when the caller knows it has no wildcards (it is
 * built from the tokens otherwise). `withSegments`: worth computing for patterns matched
 * against many wildcard-free strings (catalogue formats), not for one-off user text.
 */
export function compileGlob(tokens: Tokens, text?: string, withSegments = true): Glob {
  let wild = false;
  let one = false;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] < 0) wild = true;
    if (tokens[i] === ONE) one = true;
  }
  if (text === undefined && !wild && tokens.length <= TEXT_LIMIT) text = String.fromCharCode(...tokens);
  let segments: string[] | undefined;
  if (withSegments && !one && tokens.length <= TEXT_LIMIT) {
    segments = [];
    let start = 0;
    for (let i = 0; i <= tokens.length; i++) {
      if (i < tokens.length && tokens[i] >= 0) continue;
      if (i > start) segments.push(String.fromCharCode(...tokens.subarray(start, i)));
      start = i + 1;
    }
  }
  return { tokens, text: wild ? undefined : text, segments };
}

/**
 * Whether two compiled patterns share a string. A pattern's literal runs appear, in
 * order, in every string it matches, so a wildcard-free side that lacks them in order
 * is ruled out by a few `indexOf`s before the table of `intersects`.
 */
export function globsIntersect(a: Glob, b: Glob): boolean {
  if (b.text !== undefined && a.segments && !inOrder(b.text, a.segments)) return false;
  if (a.text !== undefined && b.segments && !inOrder(a.text, b.segments)) return false;
  return intersects(a.tokens, b.tokens);
}

function inOrder(text: string, segments: readonly string[]): boolean {
  let from = 0;
  for (const s of segments) {
    const at = text.indexOf(s, from);
    if (at < 0) return false;
    from = at + s.length;
  }
  return true;
}
