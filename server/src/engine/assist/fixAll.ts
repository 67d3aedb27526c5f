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
    const chosen = lintText(cur)
      .map((f) => f.fixes?.find((x) => x.preferred))
      .filter((f): f is NonNullable<typeof f> => !!f && f.edits.length > 0)
      .map((f) => ({ f, start: Math.min(...f.edits.map((e) => e.offset)), end: Math.max(...f.edits.map((e) => e.offset + e.length)) }))
      .sort((a, b) => a.start - b.start);
    for (const c of chosen) {
      if (c.start <= lastEnd) continue;
      edits.push(...c.f.edits);
      lastEnd = c.end;
    }
    if (!edits.length) break;
    cur = applyEdits(cur, edits);
  }
  return cur;
}
