import { IamData, AccessLevel } from '../iam/data';
import { mapEvent, TrailRecord } from './eventAction';

export interface GenerateOptions {
  /** Only records for which this returns true (principal filter, time window). */
  include?: (record: TrailRecord) => boolean;
  /** Include calls that failed with an access error (default: no; they were attempted, not needed). */
  includeDenied?: boolean;
}

export interface GeneratedPolicy {
  policy: { Version: string; Statement: Record<string, unknown>[] };
  text: string;
  /** Per action: how often it was seen. */
  actions: { action: string; accessLevel: AccessLevel; count: number; resources: string[] }[];
  /** Events that map to no action, grouped by reason. */
  unmapped: { reason: string; eventName: string; count: number }[];
  /** Remarks for the reader (wildcarded identifiers, actions without resource types). */
  notes: string[];
  recordsSeen: number;
  recordsUsed: number;
}

interface Acc {
  accessLevel: AccessLevel;
  count: number;
  resources: Set<string>;
}

/** Incremental: feed records one at a time (constant memory in the number of records). */
export class PolicyGenerator {
  private readonly actions = new Map<string, Acc>();
  private readonly unmapped = new Map<string, { reason: string; eventName: string; count: number }>();
  private readonly notes = new Set<string>();
  private seen = 0;
  private used = 0;
  private denied = 0;

  constructor(private readonly iam: IamData, private readonly options: GenerateOptions = {}) {}

  add(record: TrailRecord): void {
    this.seen++;
    if (this.options.include && !this.options.include(record)) return;
    const m = mapEvent(record, this.iam);
    if (!m.action) {
      const name = typeof record.eventName === 'string' ? record.eventName : '(none)';
      const key = `${m.unmapped}|${name}`;
      const hit = this.unmapped.get(key) ?? { reason: m.unmapped ?? 'unknown', eventName: name, count: 0 };
      hit.count++;
      this.unmapped.set(key, hit);
      return;
    }
    if (m.denied && !this.options.includeDenied) {
      this.denied++;
      return;
    }
    this.used++;
    const acc = this.actions.get(m.action.fullName) ?? { accessLevel: m.action.accessLevel, count: 0, resources: new Set<string>() };
    acc.count++;
    for (const r of m.resources) acc.resources.add(r);
    this.actions.set(m.action.fullName, acc);
    if (m.resourceNote) this.notes.add(`${m.action.fullName}: ${m.resourceNote}`);
  }

  result(): GeneratedPolicy {
    const statements: Record<string, unknown>[] = [];
    // Group by resource set then access level, so each statement reads as "these calls on these resources".
    const groups = new Map<string, { resources: string[]; level: AccessLevel; actions: string[] }>();
    for (const [action, acc] of [...this.actions.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const resources = collapse([...acc.resources]);
      const key = `${resources.join('|')}#${acc.accessLevel}`;
      const g = groups.get(key) ?? { resources, level: acc.accessLevel, actions: [] };
      g.actions.push(action);
      groups.set(key, g);
    }
    const usedSids = new Set<string>();
    const LEVEL_ORDER: AccessLevel[] = ['List', 'Read', 'Tagging', 'Write', 'Permissions management'];
    const ordered = [...groups.values()].sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || (a.actions[0] < b.actions[0] ? -1 : 1));
    for (const g of ordered) {
      const service = g.actions[0].split(':')[0];
      const sid = uniqueSid(`Observed${pascal(service)}${pascal(g.level)}`, usedSids);
      statements.push({ Sid: sid, Effect: 'Allow', Action: g.actions.length === 1 ? g.actions[0] : g.actions, Resource: g.resources.length === 1 ? g.resources[0] : g.resources });
    }
    // Persona guardrail: emergency access stays denied unless it was observed.
    const usesConnect = [...this.actions.keys()].some((a) => a.startsWith('connect:'));
    if (usesConnect && !this.actions.has('connect:AdminGetEmergencyAccessToken')) {
      statements.push({ Sid: uniqueSid('DenyConnectEmergencyAccess', usedSids), Effect: 'Deny', Action: 'connect:AdminGetEmergencyAccessToken', Resource: '*' });
    }
    if (this.denied) this.notes.add(`${this.denied} call(s) failed with an access error and were not added (they were attempted, not granted).`);
    const policy = { Version: '2012-10-17', Statement: statements };
    return {
      policy,
      text: JSON.stringify(policy, null, 2) + '\n',
      actions: [...this.actions.entries()].map(([action, a]) => ({ action, accessLevel: a.accessLevel, count: a.count, resources: collapse([...a.resources]) })),
      unmapped: [...this.unmapped.values()].sort((a, b) => b.count - a.count),
      notes: [...this.notes],
      recordsSeen: this.seen,
      recordsUsed: this.used,
    };
  }
}

/** Drops ARNs already covered by a wildcard ARN of the same set, and sorts. */
function collapse(resources: string[]): string[] {
  if (resources.includes('*')) return ['*'];
  const wild = resources.filter((r) => r.includes('*'));
  const out = resources.filter((r) => r.includes('*') || !wild.some((w) => globCovers(w, r)));
  return [...new Set(out)].sort();
}

function globCovers(pattern: string, arn: string): boolean {
  const [head, ...rest] = pattern.split('*');
  if (!arn.startsWith(head)) return false;
  let at = head.length;
  for (const part of rest) {
    const i = arn.indexOf(part, at);
    if (i < 0) return false;
    at = i + part.length;
  }
  return rest.length === 0 ? arn === pattern : pattern.endsWith('*') || arn.endsWith(rest[rest.length - 1]);
}

function pascal(s: string): string {
  return s.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

function uniqueSid(base: string, used: Set<string>): string {
  let sid = base;
  for (let i = 2; used.has(sid); i++) sid = `${base}${i}`;
  used.add(sid);
  return sid;
}
