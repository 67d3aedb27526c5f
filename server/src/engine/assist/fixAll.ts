import { Finding, Fix, TextEdit } from '../types';
import { applyEdits, removeChildren } from '../fixes';
import { containerAround, parseJson, Node } from '../json';

/**
 * Applies every finding's preferred fix, in passes (a fix whose edits overlap an accepted
 * one waits for the next pass, after a re-lint; two fixes making the same edit agree on it),
 * until nothing changes or five passes ran.
 * Returns the text. The CLI's --fix and the editor's "fix all" both call this one function.
 */
export function fixAllText(text: string, lintText: (t: string) => Finding[]): string {
  let cur = text;
  for (let pass = 0; pass < 5; pass++) {
    const preferred = lintText(cur)
      .map((f) => f.fixes?.find((x) => x.preferred))
      .filter((f): f is NonNullable<typeof f> => !!f && f.edits.length > 0);
    const chosen = mergeRemovals(cur, preferred)
      .map((f) => ({ f, start: Math.min(...f.edits.map((e) => e.offset)) }))
      .sort((a, b) => a.start - b.start);
    const accepted = new AcceptedEdits();
    for (const c of chosen) {
      if (!c.f.edits.every((e) => accepted.fits(e))) continue;
      for (const e of c.f.edits) if (!accepted.has(e)) accepted.add(e);
    }
    if (!accepted.edits.length) break;
    cur = applyEdits(cur, accepted.edits);
  }
  return cur;
}

/**
 * Fixes that each remove children of one object or array (two rules removing neighbouring
 * properties) become one removal: separately, the last child's removal takes the comma
 * before it and its neighbour's the comma after, so they overlap and one would wait a pass.
 * A fix counts as a removal when its edits are exactly what removeChildren makes for the
 * children they cover.
 */
function mergeRemovals(text: string, fixes: Fix[]): Fix[] {
  const removals = fixes.filter((f) => f.edits.every((e) => e.content === '' && e.length > 0));
  if (removals.length < 2) return fixes;
  const root = parseJson(text).root;
  const groups = new Map<Node, { fixes: Fix[]; indices: Set<number> }>();
  for (const f of removals) {
    const box = containerAround(root, f.edits[0].offset, f.edits[0].offset + f.edits[0].length);
    if (!box?.children) continue;
    const indices = box.children.flatMap((c, i) => (f.edits.some((e) => e.offset <= c.offset && c.offset + c.length <= e.offset + e.length) ? [i] : []));
    if (!indices.length || !sameEdits(removeChildren(box, indices), f.edits)) continue;
    const g = groups.get(box) ?? { fixes: [], indices: new Set<number>() };
    if (g.fixes.some((o) => sameEdits(o.edits, f.edits))) continue; // one fix shared by several findings
    g.fixes.push(f);
    for (const i of indices) g.indices.add(i);
    groups.set(box, g);
  }
  const merged = new Map<Fix, Fix | undefined>();
  for (const [box, g] of groups) {
    if (g.fixes.length < 2) continue;
    const one: Fix = { title: 'Remove the items', edits: removeChildren(box, [...g.indices].sort((a, b) => a - b)), preferred: true };
    g.fixes.forEach((f, i) => merged.set(f, i === 0 ? one : undefined));
  }
  if (!merged.size) return fixes;
  return fixes.flatMap((f) => (merged.has(f) ? (merged.get(f) ? [merged.get(f)!] : []) : [f]));
}

function sameEdits(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  const key = (e: TextEdit) => `${e.offset}:${e.length}`;
  const bs = new Set(b.map(key));
  return a.length === b.length && a.every((e) => bs.has(key(e)));
}

/**
 * Edits accepted for one pass, sorted by offset. Edits of different fixes may touch: applyEdits
 * puts an insertion before a replacement at the same offset, which is the only order that keeps
 * both. Two insertions at one offset have no such order (which goes first?), so they may not
 * meet; nor may edits overlap. Conflicts are checked edit by edit, not over a fix's whole
 * span, so a fix removing two far-apart items leaves room for the fixes between them.
 */
class AcceptedEdits {
  readonly edits: TextEdit[] = [];

  /** Index of the first accepted edit that ends after `offset` (or ends at it, for insertions). */
  private firstEndingFrom(offset: number): number {
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.edits[mid].offset + this.edits[mid].length < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when this very edit is accepted already: two fixes making one edit agree on it. */
  has(e: TextEdit): boolean {
    for (let i = this.firstEndingFrom(e.offset); i < this.edits.length && this.edits[i].offset <= e.offset; i++) {
      const a = this.edits[i];
      if (a.offset === e.offset && a.length === e.length && a.content === e.content) return true;
    }
    return false;
  }

  fits(e: TextEdit): boolean {
    if (this.has(e)) return true;
    const end = e.offset + e.length;
    for (let i = this.firstEndingFrom(e.offset); i < this.edits.length; i++) {
      const a = this.edits[i];
      const aEnd = a.offset + a.length;
      if (a.offset > end) break;
      if (a.offset < end && e.offset < aEnd) return false;
      if (e.length === 0 && a.length === 0 && a.offset === e.offset) return false;
    }
    return true;
  }

  /** Keeps the order applyEdits uses (offset, then length), in which the ends are sorted too. */
  add(e: TextEdit): void {
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = this.edits[mid];
      if (m.offset < e.offset || (m.offset === e.offset && m.length <= e.length)) lo = mid + 1;
      else hi = mid;
    }
    this.edits.splice(lo, 0, e);
  }
}
