/**
 * The findings tree's model, free of `vscode` so it is unit-tested without an editor:
 * grouping (by file, by rule, and for CloudTrail by principal and by API), counts and
 * labels. The tree view (findingsTree.ts) only renders it.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Grouping = 'file' | 'rule' | 'principal' | 'api';
export const GROUPINGS: readonly Grouping[] = ['file', 'rule', 'principal', 'api'];

export interface Position {
  line: number;
  character: number;
}

export interface FindingEntry {
  uri: string;
  /** Path shown to the user (relative to the workspace). */
  file: string;
  rule: string;
  severity: Severity;
  message: string;
  range: { start: Position; end: Position };
  /** Quick-fixes available (from diagnostic data). */
  fixes: number;
  /** The finding's extras; CloudTrail findings carry principal, eventName, eventSource. */
  info?: Record<string, string | number | boolean>;
}

export type Counts = Record<Severity, number>;

export interface FindingGroup {
  /** Stable id for the tree (survives refreshes, keeps expansion state). */
  key: string;
  label: string;
  counts: Counts;
  entries: FindingEntry[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
/** Findings without a principal/API (policies, structural CloudTrail checks) are collected here. */
export const OTHER_GROUP = 'Other findings';

export function emptyCounts(): Counts {
  return { error: 0, warning: 0, info: 0, hint: 0 };
}

export function countBySeverity(entries: readonly FindingEntry[]): Counts {
  const c = emptyCounts();
  for (const e of entries) c[e.severity]++;
  return c;
}

/** "2 errors, 1 warning" (zero counts left out; info and hints together). */
export function countsLabel(c: Counts): string {
  const parts: string[] = [];
  if (c.error) parts.push(`${c.error} error${c.error === 1 ? '' : 's'}`);
  if (c.warning) parts.push(`${c.warning} warning${c.warning === 1 ? '' : 's'}`);
  const info = c.info + c.hint;
  if (info) parts.push(`${info} info`);
  return parts.join(', ') || 'no findings';
}

/** The group a finding belongs to under a grouping (undefined: the "other" group). */
export function groupKeyOf(e: FindingEntry, grouping: Grouping): string | undefined {
  switch (grouping) {
    case 'file':
      return e.file;
    case 'rule':
      return e.rule;
    case 'principal': {
      const p = e.info?.principal;
      return typeof p === 'string' && p ? p : undefined;
    }
    case 'api': {
      const name = e.info?.eventName;
      if (typeof name !== 'string' || !name) return undefined;
      const source = typeof e.info?.eventSource === 'string' ? e.info.eventSource.replace(/\.amazonaws\.com$/, '') : '';
      return source ? `${source}:${name}` : name;
    }
  }
}

function compareEntries(a: FindingEntry, b: FindingEntry): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
    || a.range.start.line - b.range.start.line
    || a.range.start.character - b.range.start.character
    || RANK[a.severity] - RANK[b.severity]
    || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/**
 * Groups findings. Groups are ordered by their worst severity, then by count, then by
 * label; entries by file and position. The "other" group, when present, comes last.
 */
export function groupFindings(entries: readonly FindingEntry[], grouping: Grouping): FindingGroup[] {
  const groups = new Map<string, FindingEntry[]>();
  const other: FindingEntry[] = [];
  for (const e of entries) {
    const key = groupKeyOf(e, grouping);
    if (key === undefined) other.push(e);
    else {
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(e);
    }
  }
  const out: FindingGroup[] = [...groups].map(([key, list]) => ({ key: `${grouping}:${key}`, label: key, counts: countBySeverity(list), entries: list.sort(compareEntries) }));
  out.sort((a, b) => worst(a.counts) - worst(b.counts) || b.entries.length - a.entries.length || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  if (other.length) out.push({ key: `${grouping}:`, label: OTHER_GROUP, counts: countBySeverity(other), entries: other.sort(compareEntries) });
  return out;
}

function worst(c: Counts): number {
  return c.error ? 0 : c.warning ? 1 : c.info ? 2 : c.hint ? 3 : 4;
}

export function nextGrouping(g: Grouping): Grouping {
  return GROUPINGS[(GROUPINGS.indexOf(g) + 1) % GROUPINGS.length];
}

export const GROUPING_LABEL: Record<Grouping, string> = {
  file: 'by file',
  rule: 'by rule',
  principal: 'by principal (CloudTrail)',
  api: 'by API (CloudTrail)',
};

/** One line for a finding under its group: the part the group does not already say. */
export function entryLabel(e: FindingEntry, grouping: Grouping): string {
  const where = `${e.range.start.line + 1}:${e.range.start.character + 1}`;
  return grouping === 'file' ? `${where} ${e.rule}` : `${e.file}:${where} ${e.rule}`;
}

/** Status bar text: "$(error) 2 $(warning) 5" in codicon syntax. */
export function statusText(c: Counts): string {
  return `$(shield) $(error) ${c.error} $(warning) ${c.warning}`;
}
