import { Finding, TextEdit } from '../types';
import { applyEdits } from '../fixes';

/**
 * Applies every finding's preferred fix, in passes (a fix whose edits overlap an accepted
 * one waits for the next pass, after a re-lint), until nothing changes or five passes ran.
 * Returns the text. The CLI's --fix and the editor's "fix all" both call this one function.
 */
export function fixAllText(text: string, lintText: (t: string) => Finding[]): string {
  let cur = text;
  for (let pass = 0; pass < 5; pass++) {
    const chosen = lintText(cur)
      .map((f) => f.fixes?.find((x) => x.preferred))
      .filter((f): f is NonNullable<typeof f> => !!f && f.edits.length > 0)
      .map((f) => ({ f, start: Math.min(...f.edits.map((e) => e.offset)) }))
      .sort((a, b) => a.start - b.start);
    const accepted = new AcceptedEdits();
    for (const c of chosen) if (c.f.edits.every((e) => accepted.fits(e))) for (const e of c.f.edits) accepted.add(e);
    if (!accepted.edits.length) break;
    cur = applyEdits(cur, accepted.edits);
  }
  return cur;
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

  fits(e: TextEdit): boolean {
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
