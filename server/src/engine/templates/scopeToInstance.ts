import { parse } from 'jsonc-parser';
import { IamData, ActionInfo } from '../iam/data';
import { stringItems } from '../json';
import { applyEdits, insertAt, setAt } from '../fixes';
import { TextEdit } from '../types';
import { statementAt } from './statementAt';
import { parseInstanceArn, InstanceArnParts } from './instanceArn';
import { minimalEdit } from './insertTemplate';

export type ScopeResult = { edits: TextEdit[]; resources: string[]; unscoped: string[] } | { problem: string };

/** The ARN of a Connect resource type with the instance filled in and ids as `*`. */
function arnIn(template: string, p: InstanceArnParts): string {
  return template
    .replace('${Partition}', p.partition)
    .replace('${Region}', p.region)
    .replace('${Account}', p.account)
    .replace('${InstanceId}', p.instanceId)
    .replace(/\$\{[A-Za-z]+\}/g, '*');
}

/** ARNs of the instance's resources an action accepts; empty when it accepts none (it needs `*`). */
function connectArns(a: ActionInfo, iam: IamData, p: InstanceArnParts): string[] {
  const out: string[] = [];
  for (const r of a.resourceTypes) {
    const arn = iam.resourceType(a.service, r.name)?.arn;
    if (!arn || !arn.includes(':connect:')) return [];
    out.push(arnIn(arn, p));
  }
  return out;
}

/** Many child resource types of the instance read better as `instance/<id>/*` (IAM's `*` spans slashes). */
function compressChildren(resources: string[], p: InstanceArnParts): void {
  const instance = `arn:${p.partition}:connect:${p.region}:${p.account}:instance/${p.instanceId}`;
  const children = resources.filter((r) => r.startsWith(`${instance}/`));
  if (children.length < 5) return;
  const rest = resources.filter((r) => r !== instance && !r.startsWith(`${instance}/`));
  const head = resources.includes(instance) ? [instance] : [];
  resources.splice(0, resources.length, ...head, `${instance}/*`, ...rest);
}

/**
 * Rewrites the Allow statement at `offset` so that it applies to one Amazon Connect
 * instance: `Resource` becomes the ARNs (in that instance) of every resource type its
 * actions accept, from the IAM data. Actions that accept no Connect resource ARN
 * (`connect:ListInstances`, other services) cannot be scoped by ARN: they move to a
 * new statement after it, with `Resource: "*"` and the same condition.
 */
export function scopeToInstanceEdits(text: string, offset: number, instanceArn: string, iam: IamData): ScopeResult {
  const parts = parseInstanceArn(instanceArn);
  if (!parts) return { problem: `"${instanceArn}" is not an Amazon Connect instance ARN.` };
  const at = statementAt(text, offset);
  if (!at) return { problem: 'Place the cursor inside a statement.' };
  const s = at.statement;
  if (s.effect !== 'Allow') return { problem: 'Only Allow statements are scoped: narrowing a Deny weakens it.' };
  if (!s.el.Action || s.el.NotAction || s.el.NotResource) return { problem: 'Scoping needs a statement with Action (not NotAction) and without NotResource.' };

  const resources: string[] = [];
  const scopedItems: string[] = [];
  const unscoped: string[] = [];
  for (const item of stringItems(s.el.Action.value)) {
    const actions = iam.expandAction(item.value);
    const without = actions.filter((a) => {
      const arns = connectArns(a, iam, parts);
      for (const arn of arns) if (!resources.includes(arn)) resources.push(arn);
      return arns.length === 0;
    });
    if (actions.length > 0 && without.length === actions.length) unscoped.push(item.value);
    else {
      scopedItems.push(item.value);
      for (const a of without) if (!unscoped.includes(a.fullName)) unscoped.push(a.fullName);
    }
  }
  if (!scopedItems.length) return { problem: 'None of the statement\'s actions accepts an Amazon Connect instance resource ARN.' };
  compressChildren(resources, parts);

  let cur = applyEdits(text, setAt(text, [...at.path, 'Resource'], resources.length === 1 ? resources[0] : resources));
  if (unscoped.length) {
    const originalItems = stringItems(s.el.Action.value).map((i) => i.value);
    if (scopedItems.length !== originalItems.length) cur = applyEdits(cur, setAt(cur, [...at.path, 'Action'], scopedItems.length === 1 ? scopedItems[0] : scopedItems));
    const sid = s.el.Sid?.value?.type === 'string' ? String(s.el.Sid.value.value) : undefined;
    const companion: Record<string, unknown> = {};
    if (sid) companion.Sid = `${sid}AnyResource`;
    companion.Effect = 'Allow';
    companion.Action = unscoped.length === 1 ? unscoped[0] : unscoped;
    companion.Resource = '*';
    const cond = s.el.Condition?.value;
    if (cond) companion.Condition = parse(text.slice(cond.offset, cond.offset + cond.length));
    if (at.path.length === 2) cur = applyEdits(cur, insertAt(cur, ['Statement'], s.index + 1, companion));
    else {
      // A single Statement object becomes an array of it and its companion.
      const stmt = (parse(cur) as { Statement: unknown }).Statement;
      cur = applyEdits(cur, setAt(cur, ['Statement'], [stmt, companion]));
    }
  }
  return { edits: [minimalEdit(text, cur)], resources, unscoped };
}
