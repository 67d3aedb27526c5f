import { IamData, AccessLevel, ActionInfo } from '../iam/data';
import { parseJson } from '../json';
import { readPolicy, statementLabel } from '../policy';
import { modify } from 'jsonc-parser';
import { detectFormatting, removeArrayItem } from '../fixes';
import { pathOf } from '../json';
import { Finding, Severity } from '../types';
import { mapEvent, TrailRecord } from './eventAction';
import { decide, evalStatements, EvalStatement } from './evaluate';

export interface CheckOptions {
  include?: (record: TrailRecord) => boolean;
  /** Severity overrides by rule name (from settings). */
  severities?: Record<string, Severity | 'off'>;
}

export interface UnusedGrant {
  /** The Action item as written. */
  item: string;
  statement: string;
  granted: number;
  used: string[];
  /** Granted but not used, write-like first. */
  unused: { action: string; accessLevel: AccessLevel }[];
}

export interface MissingGrant {
  action: string;
  resources: string[];
  count: number;
  reason: string;
}

export interface ActivityCheck {
  findings: Finding[];
  unused: UnusedGrant[];
  missing: MissingGrant[];
  /** Statements with conditions that decided some call (not evaluated offline). */
  conditional: string[];
  recordsSeen: number;
  recordsUsed: number;
}

const WRITE_FIRST: Record<AccessLevel, number> = { 'Permissions management': 0, Write: 1, Tagging: 2, Read: 3, List: 4 };

/**
 * Compares a policy with observed activity. Feed records with `add`, then `result`.
 * Memory grows with distinct (action, resource) pairs, not with records.
 */
export class ActivityChecker {
  private readonly text: string;
  private readonly statements: EvalStatement[];
  private readonly used = new Set<string>();
  private readonly missing = new Map<string, MissingGrant>();
  private readonly conditional = new Set<EvalStatement>();
  private readonly decided = new Map<string, boolean>();
  private seen = 0;
  private usedCount = 0;

  constructor(policyText: string, private readonly iam: IamData, private readonly options: CheckOptions = {}) {
    this.text = policyText;
    this.statements = evalStatements(readPolicy(parseJson(policyText).root));
  }

  add(record: TrailRecord): void {
    this.seen++;
    if (this.options.include && !this.options.include(record)) return;
    const m = mapEvent(record, this.iam);
    if (!m.action || m.denied) return;
    this.usedCount++;
    const action = m.action.fullName;
    this.used.add(action.toLowerCase());
    const key = `${action}|${m.resources.join(',')}`;
    let allowed = this.decided.get(key);
    if (allowed === undefined) {
      const d = decide(this.statements, action, m.resources);
      allowed = d.allowed;
      if (d.conditional) for (const s of [...d.allowedBy, ...(d.deniedBy ? [d.deniedBy] : [])]) if (s.hasCondition) this.conditional.add(s);
      if (!allowed) {
        this.missing.set(key, { action, resources: m.resources, count: 0, reason: d.deniedBy ? `denied by ${statementLabel(d.deniedBy.statement)}` : 'no Allow statement matches' });
      }
      this.decided.set(key, allowed);
    }
    if (!allowed) this.missing.get(key)!.count++;
  }

  result(): ActivityCheck {
    const findings: Finding[] = [];
    const unused: UnusedGrant[] = [];
    const sev = (rule: string, d: Severity): Severity | 'off' => this.options.severities?.[rule] ?? d;
    const fmt = detectFormatting(this.text);
    for (const s of this.statements) {
      if (s.effect !== 'Allow') continue;
      const label = statementLabel(s.statement);
      const expand = (pattern: string): ActionInfo[] => this.iam.expandAction(pattern);
      if (s.notAction) continue; // NotAction grants "everything else": not-action-with-allow reports it.
      for (const item of s.actions) {
        const granted = expand(item.value);
        const used = granted.filter((a) => this.used.has(a.fullName.toLowerCase())).map((a) => a.fullName);
        if (used.length === granted.length || !granted.length) continue;
        const notUsed = granted.filter((a) => !this.used.has(a.fullName.toLowerCase()))
          .map((a) => ({ action: a.fullName, accessLevel: a.accessLevel }))
          .sort((a, b) => WRITE_FIRST[a.accessLevel] - WRITE_FIRST[b.accessLevel] || (a.action < b.action ? -1 : 1));
        unused.push({ item: item.value, statement: label, granted: granted.length, used, unused: notUsed });
        const severity = sev('activity-unused-permission', 'warning');
        if (severity === 'off') continue;
        const writes = notUsed.filter((a) => WRITE_FIRST[a.accessLevel] <= 2).length;
        const message = used.length === 0
          ? `${item.value} was not used in the activity window (${granted.length === 1 ? notUsed[0].accessLevel : `${granted.length} actions, ${writes} of them write or permissions`}). Remove it to reach least privilege.`
          : `${item.value} grants ${granted.length} actions; ${used.length} used (${used.slice(0, 3).join(', ')}${used.length > 3 ? ', ...' : ''}). Unused write actions: ${notUsed.filter((a) => WRITE_FIRST[a.accessLevel] <= 2).slice(0, 5).map((a) => a.action).join(', ') || 'none'}. Replace the wildcard with the used actions.`;
        const arrayNode = item.node.parent?.type === 'array' ? item.node.parent : undefined;
        const fixes = [];
        if (used.length === 0 && arrayNode && (arrayNode.children?.length ?? 0) > 1) {
          fixes.push({ title: `Remove unused ${item.value}`, edits: [removeArrayItem(arrayNode, arrayNode.children!.indexOf(item.node))], preferred: true });
        } else if (used.length > 0) {
          const replacement = arrayNode ? undefined : used.length === 1 ? used[0] : used;
          if (replacement !== undefined) fixes.push({ title: `Replace ${item.value} with the ${used.length} used action(s)`, edits: modify(this.text, pathOf(item.node), replacement, { formattingOptions: fmt }), preferred: true });
        }
        findings.push({
          rule: 'activity-unused-permission', severity, message, offset: item.node.offset, length: item.node.length,
          ...(fixes.length ? { fixes } : {}), data: { action: item.value, granted: granted.length, used: used.length },
        });
      }
    }
    const missing = [...this.missing.values()].sort((a, b) => b.count - a.count);
    const root = parseJson(this.text).root;
    const anchor = readPolicy(root).statementProp?.key ?? root;
    const missSev = sev('activity-missing-permission', 'warning');
    if (missSev !== 'off') {
      for (const m of missing) {
        findings.push({
          rule: 'activity-missing-permission', severity: missSev,
          message: `${m.action} on ${m.resources.join(', ')} was called ${m.count} time(s) but this policy does not allow it (${m.reason}). Conditions are not evaluated.`,
          offset: anchor?.offset ?? 0, length: anchor?.length ?? 0, data: { action: m.action, count: m.count },
        });
      }
    }
    const condSev = sev('activity-conditions-not-evaluated', 'info');
    if (condSev !== 'off') {
      for (const s of this.conditional) {
        const c = s.statement.el.Condition!;
        findings.push({
          rule: 'activity-conditions-not-evaluated', severity: condSev,
          message: `${statementLabel(s.statement)} has conditions that offline analysis does not evaluate: its effect on the observed calls is assumed, not checked.`,
          offset: c.key.offset, length: c.key.length,
        });
      }
    }
    findings.sort((a, b) => a.offset - b.offset);
    return { findings, unused, missing, conditional: [...this.conditional].map((s) => statementLabel(s.statement)), recordsSeen: this.seen, recordsUsed: this.usedCount };
  }
}
