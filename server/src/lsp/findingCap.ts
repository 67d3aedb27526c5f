import { Finding, SEVERITY_ORDER, Severity } from '../engine';

/**
 * Most findings one document shows in the editor. A 20 MB log can have tens of thousands
 * (every record of an unapproved principal); converting and publishing them all blocked
 * the server's main thread for hundreds of milliseconds and buries the few errors anyway.
 */
export const MAX_EDITOR_FINDINGS = 1000;

export const CAP_RULE = 'too-many-findings';

/**
 * At most `max` findings, most severe first (the engine's order kept within a severity and
 * in the result), plus one information finding that counts the rest and names the command
 * that lists them all. Runs where the findings are made (the lint worker for big texts),
 * so the rest never cross to the main thread.
 */
export function capFindings(findings: Finding[], fileName: string | undefined, max = MAX_EDITOR_FINDINGS): Finding[] {
  if (findings.length <= max) return findings;
  const bySeverity = (Object.keys(SEVERITY_ORDER) as Severity[]).sort((a, b) => SEVERITY_ORDER[b] - SEVERITY_ORDER[a]);
  const quota = new Map<Severity, number>();
  let left = max;
  for (const s of bySeverity) {
    const n = Math.min(left, findings.filter((f) => f.severity === s).length);
    quota.set(s, n);
    left -= n;
  }
  const kept: Finding[] = [];
  const omitted = new Map<Severity, number>();
  for (const f of findings) {
    const q = quota.get(f.severity) ?? 0;
    if (q > 0) {
      kept.push(f);
      quota.set(f.severity, q - 1);
    } else omitted.set(f.severity, (omitted.get(f.severity) ?? 0) + 1);
  }
  const counts = bySeverity.filter((s) => omitted.has(s)).map((s) => `${omitted.get(s)} ${s}`).join(', ');
  const rest = findings.length - max;
  const file = fileName ? ` "${fileName}"` : '';
  kept.push({
    rule: CAP_RULE,
    severity: 'info',
    message: `${rest} more finding${rest === 1 ? '' : 's'} not shown (${counts}): the editor shows the ${max} most severe of ${findings.length} (connectGuard.maxFindingsPerFile). Run \`connect-guard lint${file}\` to see them all.`,
    offset: 0,
    length: 0,
  });
  return kept;
}
