/**
 * IAM-style wildcard matching (`*` any run, `?` one character), case-insensitive.
 * Two-pointer algorithm with a single backtrack point, O(pattern x text) at worst: no regular
 * expressions, so patterns such as `*a*a*a*a*b` cannot blow up.
 */
export function wildcardMatch(pattern: string, text: string, caseInsensitive = true): boolean {
  const p = caseInsensitive ? pattern.toLowerCase() : pattern;
  const t = caseInsensitive ? text.toLowerCase() : text;
  let pi = 0;
  let ti = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    const pc = p.charCodeAt(pi);
    if (pi < p.length && (pc === 63 /* ? */ || pc === t.charCodeAt(ti))) {
      pi++;
      ti++;
    } else if (pi < p.length && pc === 42 /* * */) {
      star = pi++;
      mark = ti;
    } else if (star !== -1) {
      pi = star + 1;
      ti = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p.charCodeAt(pi) === 42) pi++;
  return pi === p.length;
}

export function hasWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?');
}

/** Matches every text compiled once; the fast paths avoid the general matcher. */
export function compileWildcard(pattern: string): (text: string) => boolean {
  const p = pattern.toLowerCase();
  if (p === '*') return () => true;
  if (!hasWildcard(p)) return (t) => t.toLowerCase() === p;
  const firstStar = p.indexOf('*');
  if (firstStar === p.length - 1 && !p.includes('?')) {
    const prefix = p.slice(0, -1);
    return (t) => t.toLowerCase().startsWith(prefix);
  }
  return (t) => wildcardMatch(p, t, true);
}
