/**
 * IAM-style wildcard matching (`*` any run, `?` one character), case-insensitive by
 * default. Two-pointer algorithm with a single backtrack point: no regular expressions,
 * so patterns such as `*a*a*a*a*b` cannot blow up. Characters are folded one at a time
 * instead of lower-casing both strings first, so a mismatch near the start costs O(1)
 * even when the pattern or the text is megabytes long (a pasted blob in a policy is
 * compared against hundreds of action names).
 */
export function wildcardMatch(pattern: string, text: string, caseInsensitive = true): boolean {
  if (pattern.length <= SHORT_PATTERN) {
    // Counting the stars of a short pattern costs less than looking it up (and evicting
    // a long one from the cache below); collapsing `**` is left to `prepared`.
    let stars = 0;
    let pairs = false;
    for (let i = 0; i < pattern.length; i++) {
      if (pattern.charCodeAt(i) !== 42) continue;
      if (i > 0 && pattern.charCodeAt(i - 1) === 42) pairs = true;
      stars++;
    }
    if (!pairs) {
      const min = pattern.length - stars;
      if (text.length < min || (stars === 0 && text.length !== min)) return false;
      return matchFrom(pattern, text, caseInsensitive);
    }
  }
  const c = prepared(pattern);
  if (text.length < c.min || (!c.star && text.length !== c.min)) return false;
  return matchFrom(c.p, text, caseInsensitive);
}

const SHORT_PATTERN = 256;

interface Prepared {
  /** The pattern with runs of `*` collapsed. */
  p: string;
  /** Characters a text needs at least: every one but the stars. */
  min: number;
  star: boolean;
}

/**
 * Callers match one pattern against many texts (every action of a service), so the
 * O(pattern) preparation is kept for the last few patterns: a 20,000-character pattern
 * then costs its length once, not once per action.
 */
const PREPARED = new Map<string, Prepared>();
function prepared(pattern: string): Prepared {
  let c = PREPARED.get(pattern);
  if (!c) {
    const p = pattern.includes('**') ? pattern.replace(/\*+/g, '*') : pattern;
    let stars = 0;
    for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) === 42) stars++;
    c = { p, min: p.length - stars, star: stars > 0 };
    if (PREPARED.size >= 32) PREPARED.delete(PREPARED.keys().next().value!);
    PREPARED.set(pattern, c);
  }
  return c;
}

function fold(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

function matchFrom(p: string, t: string, ci: boolean): boolean {
  const pl = p.length;
  const tl = t.length;
  let pi = 0;
  let ti = 0;
  let star = -1;
  let mark = 0;
  while (ti < tl) {
    if (pi < pl) {
      const pc = p.charCodeAt(pi);
      if (pc === 42 /* * */) {
        while (pi + 1 < pl && p.charCodeAt(pi + 1) === 42) pi++;
        if (pi === pl - 1) return true; // a trailing star takes the rest
        star = pi++;
        mark = ti;
        continue;
      }
      const tc = t.charCodeAt(ti);
      if (pc === 63 /* ? */ || pc === tc || (ci && fold(pc) === fold(tc))) {
        pi++;
        ti++;
        continue;
      }
    }
    if (star === -1) return false;
    pi = star + 1;
    ti = ++mark;
  }
  while (pi < pl && p.charCodeAt(pi) === 42) pi++;
  return pi === pl;
}

/**
 * False when no text starting with `prefix` can match `pattern`, judged on the pattern's
 * head before its first `*` the way `wildcardMatch` compares (case-insensitive). A caller
 * whose candidates share a prefix rules them all out with one call.
 */
export function headAdmits(pattern: string, prefix: string): boolean {
  const n = Math.min(pattern.length, prefix.length);
  for (let i = 0; i < n; i++) {
    const pc = pattern.charCodeAt(i);
    if (pc === 42 /* * */) return true;
    if (pc === 63 /* ? */) continue;
    const tc = prefix.charCodeAt(i);
    if (pc !== tc && fold(pc) !== fold(tc)) return false;
  }
  return true;
}

export function hasWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?');
}

/** Matches every text compiled once; the catalogue expansion's hot path. */
export function compileWildcard(pattern: string): (text: string) => boolean {
  const { p, min, star } = prepared(pattern.toLowerCase());
  if (p === '*') return () => true;
  if (!star) return (t) => t.length === min && matchFrom(p, t, true);
  return (t) => t.length >= min && matchFrom(p, t, true);
}
