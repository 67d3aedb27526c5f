import { JsonDocument, Node, childAround, containerAround, trailingCommas } from './json';
import { Finding, Fix, TextEdit } from './types';

/** Rules whose fixes repair the text itself (a comma, a comment, a typographic quote): they are what mends a broken structure. */
const TEXT_REPAIRS = new Set(['json-syntax', 'invalid-characters']);

/**
 * On a document with syntax errors, drops the fixes of other rules that would edit the
 * structure of a broken object or array. Their edits are computed from the tolerant
 * parser's guess of where a truncated or unbalanced container ends: appending after the
 * "last" child of `[[nu` lands inside the broken value, and removing an item of an
 * unclosed array cuts the wrong text, so the fix neither removes its finding nor keeps the
 * JSON it found. Renaming a key or replacing one well-formed string is always safe.
 * Trailing commas do not count as broken: the tree around them is exact.
 */
export function dropFixesOnBrokenStructure(findings: Finding[], json: JsonDocument): void {
  const { text, root } = json;
  const commaOf = trailingCommas(text, json.errors);
  const errors = json.errors.filter((e) => commaOf(e) < 0).map((e) => e.offset).sort((a, b) => a - b);
  if (!errors.length) return;
  const hasErrorIn = (from: number, to: number) => {
    let lo = 0;
    let hi = errors.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (errors[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < errors.length && errors[lo] <= to;
  };
  const intact = (n: Node) => !hasErrorIn(n.offset, n.offset + n.length) && text[n.offset + n.length - 1] === (n.type === 'object' ? '}' : ']');
  const safe = (e: TextEdit): boolean => {
    const str = stringAt(root, e.offset, e.length);
    if (str) return !hasErrorIn(str.offset, str.offset + str.length) && /^"(?:[^"\\]|\\.)*"$/.test(e.content);
    const box = containerAround(root, e.offset, e.offset + e.length);
    return box ? intact(box) : false;
  };
  for (const f of findings) {
    if (TEXT_REPAIRS.has(f.rule) || !f.fixes) continue;
    const kept: Fix[] = f.fixes.filter((fx) => fx.edits.every(safe));
    if (kept.length === f.fixes.length) continue;
    if (kept.length) f.fixes = kept;
    else delete f.fixes;
  }
}

/** The string node (key or value) spanning exactly [offset, offset + length), if any. */
function stringAt(root: Node | undefined, offset: number, length: number): Node | undefined {
  let n = root;
  while (n) {
    if (n.type === 'string' && n.offset === offset && n.length === length) return n;
    n = childAround(n, offset, offset + length);
  }
  return undefined;
}
