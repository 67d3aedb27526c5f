import { Finding, TextEdit } from '../types';
import { applyEdits } from '../fixes';

/**
 * Applies every finding's preferred fix, in passes (overlapping fixes wait for the next
 * pass, after a re-lint), until nothing changes or five passes ran. Returns the text.
 * The CLI's --fix and the editor's "fix all" both call this one function.
 */
export function fixAllText(text: string, lintText: (t: string) => Finding[]): string {
  let cur = text;
  for (let pass = 0; pass < 5; pass++) {
    const edits: TextEdit[] = [];
    let lastEnd = -1;
    let insertsAtLastEnd = false;
    const chosen = lintText(cur)
      .map((f) => f.fixes?.find((x) => x.preferred))
      .filter((f): f is NonNullable<typeof f> => !!f && f.edits.length > 0)
      .map((f) => ({ f, start: Math.min(...f.edits.map((e) => e.offset)), end: Math.max(...f.edits.map((e) => e.offset + e.length)) }))
      .sort((a, b) => a.start - b.start);
    for (const c of chosen) {
      if (c.start < lastEnd) continue;
      // Fixes that only touch go in the same pass: applyEdits puts an insertion before a
      // replacement at the same offset, which is the only order that keeps both. Two
      // insertions at one offset have no such order (which goes first?): the second waits.
      if (c.start === lastEnd && insertsAtLastEnd && c.f.edits.some((e) => e.length === 0 && e.offset === c.start)) continue;
      edits.push(...c.f.edits);
      if (c.end !== lastEnd) insertsAtLastEnd = false;
      lastEnd = c.end;
      insertsAtLastEnd ||= c.f.edits.some((e) => e.length === 0 && e.offset === c.end);
    }
    if (!edits.length) break;
    cur = applyEdits(cur, edits);
  }
  return cur;
}
