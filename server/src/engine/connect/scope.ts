import type { ActionInfo, IamData } from '../iam/data';
import type { PolicyDocument, Statement } from '../policy';
import { conditionEntries } from '../policy';
import { Node, StringItem, stringItems } from '../json';
import { hasWildcard, wildcardMatch } from '../iam/wildcard';
import { actionElement } from '../iam/actions';

/**
 * Whether a Resource string reaches every Connect instance: `*`, a wildcard resource
 * part (`arn:aws:connect:eu-west-2:111122223333:*`) or a wildcard instance id
 * (`.../instance/*`, `.../instance/*\/agent/*`). An ARN naming one instance is scoped.
 */
export function isInstanceWide(resource: string): boolean {
  if (resource === '*') return true;
  const parts = resource.split(':');
  if (parts.length < 6) return false;
  const res = parts.slice(5).join(':');
  if (res === '' || res.startsWith('*')) return true;
  if (!res.startsWith('instance/')) return false;
  const id = res.slice('instance/'.length).split('/')[0];
  return id === '' || hasWildcard(id);
}

export interface ResourceScope {
  /** Resource reaches all instances (or NotResource is used). */
  broad: boolean;
  /** The literal `"*"` item, when present. */
  star?: StringItem;
}

/** How far the statement's Resource reaches. NotResource in an Allow is broad. */
export function resourceScope(s: Statement): ResourceScope {
  if (s.el.NotResource) return { broad: true };
  const items = stringItems(s.el.Resource?.value);
  const star = items.find((i) => i.value === '*');
  return { broad: items.some((i) => isInstanceWide(i.value)), star };
}

/**
 * Condition keys that narrow a Connect grant to some resources, some callers or a
 * stronger sign-in: tags, the instance, MFA, the caller's network. Prefix match, lower case.
 */
const NARROWING_KEY_PREFIXES: readonly string[] = [
  'aws:resourcetag/', 'aws:requesttag/', 'aws:principaltag/', 'connect:instanceid', 'connect:userarn',
  'aws:multifactorauthpresent', 'aws:multifactorauthage', 'aws:sourceip', 'aws:sourcevpc', 'aws:sourcevpce',
];

/** The first narrowing condition key of the statement, if any. */
export function narrowingConditionKey(s: Statement): string | undefined {
  for (const e of conditionEntries(s)) {
    const k = e.key.name.toLowerCase();
    if (NARROWING_KEY_PREFIXES.some((p) => k.startsWith(p))) return e.key.name;
  }
  return undefined;
}

export function hasResourceTagCondition(s: Statement): boolean {
  return conditionEntries(s).some((e) => e.key.name.toLowerCase().startsWith('aws:resourcetag/'));
}

/**
 * Predicate: is `service:Action` explicitly denied by this policy for every request?
 * Only unconditional Deny statements on `"*"` count (Deny always wins over Allow).
 */
export function unconditionalDeny(policy: PolicyDocument): (fullName: string) => boolean {
  const denies: { patterns: string[]; not: boolean }[] = [];
  for (const s of policy.statements) {
    if (s.effect !== 'Deny' || s.el.Condition || s.el.NotResource) continue;
    if (!stringItems(s.el.Resource?.value).some((i) => i.value === '*')) continue;
    const el = actionElement(s);
    if (el) denies.push({ patterns: el.items.map((i) => i.value), not: el.not });
  }
  if (!denies.length) return () => false;
  return (fullName) => denies.some((d) => d.patterns.some((p) => wildcardMatch(p, fullName)) !== d.not);
}

/** What one Action item (or the NotAction key) of an Allow grants among some target actions. */
export interface ItemGrant {
  /** The Action item, or the NotAction key. */
  node: Node;
  /** The item text, or "NotAction". */
  label: string;
  wildcard: boolean;
  notAction: boolean;
  actions: ActionInfo[];
}

/**
 * Matches each Action item against a short candidate list (cheaper than expanding `*`
 * to every action in AWS); NotAction grants the candidates none of its items match.
 */
export function grantsByItem(s: Statement, candidates: readonly ActionInfo[]): ItemGrant[] {
  const el = actionElement(s);
  if (!el) return [];
  if (el.not) {
    const actions = candidates.filter((a) => !el.items.some((i) => wildcardMatch(i.value, a.fullName)));
    return actions.length ? [{ node: el.prop.key, label: 'NotAction', wildcard: true, notAction: true, actions }] : [];
  }
  const out: ItemGrant[] = [];
  for (const i of el.items) {
    const actions = candidates.filter((a) => wildcardMatch(i.value, a.fullName));
    if (actions.length) out.push({ node: i.node, label: i.value, wildcard: hasWildcard(i.value), notAction: false, actions });
  }
  return out;
}

/** `connect:CreateUser, connect:DeleteUser and 3 more`. */
export function listActions(actions: readonly ActionInfo[], max = 5): string {
  const names = actions.slice(0, max).map((a) => a.fullName);
  const rest = actions.length - names.length;
  return rest > 0 ? `${names.join(', ')} and ${rest} more` : names.join(', ');
}
