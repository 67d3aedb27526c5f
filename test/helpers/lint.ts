import * as assert from 'assert';
import { lint, LintOptions, Finding, DocumentKind, applyFix, SEVERITY_ORDER } from '../../server/src/engine';

/** Position of the n-th (0-based) occurrence of `needle` in `text`. */
export function at(text: string, needle: string, nth = 0): { offset: number; length: number } {
  let from = 0;
  for (let i = 0; ; i++) {
    const o = text.indexOf(needle, from);
    if (o < 0) throw new Error(`"${needle}" occurrence ${nth} not in text`);
    if (i === nth) return { offset: o, length: needle.length };
    from = o + 1;
  }
}

export function lintAs(kind: DocumentKind, text: string, opts: LintOptions = {}): Finding[] {
  return lint(text, { kind, ...opts }).findings;
}

/** Findings of one rule. */
export function findingsOf(rule: string, kind: DocumentKind, text: string, opts: LintOptions = {}): Finding[] {
  return lintAs(kind, text, opts).filter((f) => f.rule === rule);
}

/**
 * Asserts that `rule` fires exactly at the given ranges (in order) with the severity.
 * `ranges` are made with `at()`, so the expectation is written by hand from the text.
 */
export function expectFindings(rule: string, kind: DocumentKind, text: string, severity: Finding['severity'], ranges: { offset: number; length: number }[], opts: LintOptions = {}): Finding[] {
  const got = findingsOf(rule, kind, text, opts);
  assert.deepStrictEqual(
    got.map((f) => ({ offset: f.offset, length: f.length, text: text.substr(f.offset, f.length) })),
    ranges.map((r) => ({ offset: r.offset, length: r.length, text: text.substr(r.offset, r.length) })),
    `ranges of ${rule}: ${JSON.stringify(got.map((f) => f.message))}`,
  );
  for (const f of got) assert.strictEqual(f.severity, severity, `severity of ${rule}`);
  return got;
}

export function expectNone(rule: string, kind: DocumentKind, text: string, opts: LintOptions = {}): void {
  const got = findingsOf(rule, kind, text, opts);
  assert.deepStrictEqual(got.map((f) => f.message), [], `${rule} should not fire`);
}

/**
 * Applies the finding's preferred fix (or the first), re-lints, and checks that the
 * result is valid JSON, the finding is gone, and no new error-level finding appeared.
 * Returns the fixed text.
 */
export function expectFixRoundTrip(rule: string, kind: DocumentKind, text: string, opts: LintOptions = {}, fixIndex?: number): string {
  const before = lintAs(kind, text, opts);
  const target = before.find((f) => f.rule === rule);
  assert.ok(target, `${rule} should fire before the fix`);
  assert.ok(target.fixes && target.fixes.length > 0, `${rule} should offer a fix`);
  const f = fixIndex !== undefined ? target.fixes[fixIndex] : (target.fixes.find((x) => x.preferred) ?? target.fixes[0]);
  const fixed = applyFix(text, f);
  const after = lintAs(kind, fixed, opts);
  const sameSpot = after.filter((x) => x.rule === rule && x.message === target.message);
  assert.deepStrictEqual(sameSpot.map((x) => x.message), [], `${rule} still fires after "${f.title}":\n${fixed}`);
  if (rule !== 'json-syntax') assert.ok(!after.some((x) => x.rule === 'json-syntax'), `fix "${f.title}" broke JSON:\n${fixed}`);
  const newErrors = after.filter((x) => SEVERITY_ORDER[x.severity] >= SEVERITY_ORDER.error && !before.some((b) => b.rule === x.rule && b.message === x.message));
  assert.deepStrictEqual(newErrors.map((x) => `${x.rule}: ${x.message}`), [], `fix "${f.title}" introduced errors:\n${fixed}`);
  return fixed;
}
