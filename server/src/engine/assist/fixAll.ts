import { Finding, TextEdit } from '../types';
import { applyEdits } from '../fixes';

/**
 * Applies every finding's preferred fix, in passes (overlapping fixes wait for the next
 * pass, after a re-lint), until nothing changes or five passes ran. Returns the text.
 */
export function fixAllText(text: string, lintText: (t: string) => Finding[]): string {
  let cur = text;
  for (let pass = 0; pass < 5; pass++) {
    const edits: TextEdit[] = [];
    let lastEnd = -1;
    let lastEmpty = false;
    const chosen = lintText(cur)
      .map((f) => f.fixes?.find((x) => x.preferred))
      .filter((f): f is NonNullable<typeof f> => !!f && f.edits.length > 0)
      .map((f) => ({ f, start: Math.min(...f.edits.map((e) => e.offset)), end: Math.max(...f.edits.map((e) => e.offset + e.length)) }))
      .sort((a, b) => a.start - b.start);
    for (const c of chosen) {
      // Touching edits can go in one pass, except where an insertion meets another edit at the
      // same offset (their order would be ambiguous): that one waits for the next pass.
      if (c.start < lastEnd || (c.start === lastEnd && (lastEmpty || c.end === c.start))) continue;
      edits.push(...c.f.edits);
      lastEnd = c.end;
      lastEmpty = c.end === c.start;
    }
    if (!edits.length) break;
    cur = applyEdits(cur, edits);
  }
  return cur;
}
