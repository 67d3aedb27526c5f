import type { ActionInfo, IamData } from '../iam/data';
import type { PolicyDocument, Statement } from '../policy';
import { conditionEntries } from '../policy';
import { Node, StringItem, stringItems } from '../json';
import { hasWildcard, headAdmits, wildcardMatch } from '../iam/wildcard';
import { ActionElement, actionElement } from '../iam/actions';

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
 * Matches IAM action patterns against a short candidate list, memoised per candidate list
 * and pattern. Runs of `*` are collapsed (same meaning), and a pattern with more literal
 * characters than the longest candidate name is rejected at once, so adversarial
 * patterns (`*a*a*a...`, 20,000 stars) and million-item lists cost one match per distinct value.
 * A pattern whose head rules out the prefix every candidate shares (`s3:GetObject` against
 * `connect:` actions, most items of most policies) is rejected before the memo.
 */
const matchCaches = new WeakMap<readonly ActionInfo[], { longest: number; prefix: string; service: string; memo: Map<string, readonly ActionInfo[]> }>();
const NONE: readonly ActionInfo[] = Object.freeze([]);

function commonPrefix(candidates: readonly ActionInfo[]): string {
  if (!candidates.length) return '';
  let prefix = candidates[0].fullName;
  for (const a of candidates) {
    let k = 0;
    while (k < prefix.length && k < a.fullName.length && prefix.charCodeAt(k) === a.fullName.charCodeAt(k)) k++;
    prefix = prefix.slice(0, k);
  }
  return prefix;
}

export function matchCandidates(pattern: string, candidates: readonly ActionInfo[]): readonly ActionInfo[] {
  return matchLowerCandidates(pattern.toLowerCase(), candidates);
}

function candidateCache(candidates: readonly ActionInfo[]) {
  let cache = matchCaches.get(candidates);
  if (!cache) {
    const prefix = commonPrefix(candidates);
    cache = { longest: candidates.reduce((m, a) => Math.max(m, a.fullName.length), 0), prefix, service: prefix.slice(0, prefix.indexOf(':') + 1), memo: new Map() };
    matchCaches.set(candidates, cache);
  }
  return cache;
}

function matchLowerCandidates(lower: string, candidates: readonly ActionInfo[]): readonly ActionInfo[] {
  const cache = candidateCache(candidates);
  const key = lower.includes('**') ? lower.replace(/\*+/g, '*') : lower;
  if (!headAdmits(key, cache.prefix)) return NONE;
  let hit = cache.memo.get(key);
  if (hit) return hit;
  let literal = 0;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== 42) literal++;
  hit = literal > cache.longest ? [] : candidates.filter((a) => wildcardMatch(key, a.fullName));
  if (cache.memo.size > 2000) cache.memo.clear();
  cache.memo.set(key, hit);
  return hit;
}

/**
 * The candidates this policy denies for every request: unconditional Deny statements on
 * `"*"` (Deny always wins over Allow).
 */
export function unconditionallyDenied(policy: PolicyDocument, candidates: readonly ActionInfo[]): ReadonlySet<ActionInfo> {
  const denied = new Set<ActionInfo>();
  for (const s of policy.statements) {
    if (s.effect !== 'Deny' || s.el.Condition || s.el.NotResource) continue;
    if (!stringItems(s.el.Resource?.value).some((i) => i.value === '*')) continue;
    const el = actionElement(s);
    if (!el) continue;
    const matched = matchedByItems(el, candidates);
    for (const a of candidates) if (matched.has(a) !== el.not) denied.add(a);
  }
  return denied;
}

function matchedByItems(el: ActionElement, candidates: readonly ActionInfo[]): Set<ActionInfo> {
  const matched = new Set<ActionInfo>();
  for (const n of distinctItemsFor(el, candidateCache(candidates).service)) {
    for (const a of matchLowerCandidates(el.lower[n], candidates)) matched.add(a);
  }
  return matched;
}

// Per statement and service prefix (kept on the statement's action element): the Connect
// rules each ask in every lint.

/**
 * Indices of the statement's items, first occurrence of each (case-insensitive) only,
 * leaving out items whose head rules out `servicePrefix` (they match none of its actions).
 */
function distinctItemsFor(el: ActionElement, servicePrefix: string): number[] {
  const byPrefix = (el.distinctByPrefix ??= new Map());
  let hit = byPrefix.get(servicePrefix);
  if (hit) return hit;
  hit = [];
  const seen = new Set<string>();
  for (let n = 0; n < el.lower.length; n++) {
    const k = el.lower[n];
    if (!headAdmits(k, servicePrefix) || seen.has(k)) continue;
    seen.add(k);
    hit.push(n);
  }
  byPrefix.set(servicePrefix, hit);
  return hit;
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
 * What each Action item grants among a short candidate list (cheaper than expanding `*`
 * to every action in AWS); NotAction grants the candidates none of its items match.
 * A repeated item is reported once, at its first occurrence.
 */
export function grantsByItem(s: Statement, candidates: readonly ActionInfo[]): ItemGrant[] {
  const el = actionElement(s);
  if (!el) return [];
  if (el.not) {
    const excluded = matchedByItems(el, candidates);
    const actions = candidates.filter((a) => !excluded.has(a));
    return actions.length ? [{ node: el.prop.key, label: 'NotAction', wildcard: true, notAction: true, actions }] : [];
  }
  const out: ItemGrant[] = [];
  for (const n of distinctItemsFor(el, candidateCache(candidates).service)) {
    const i = el.items[n];
    const actions = matchLowerCandidates(el.lower[n], candidates);
    if (actions.length) out.push({ node: i.node, label: i.value, wildcard: hasWildcard(i.value), notAction: false, actions: [...actions] });
  }
  return out;
}
/** `connect:CreateUser, connect:DeleteUser and 3 more`. */
export function listActions(actions: readonly ActionInfo[], max = 5): string {
  const names = actions.slice(0, max).map((a) => a.fullName);
  const rest = actions.length - names.length;
  return rest > 0 ? `${names.join(', ')} and ${rest} more` : names.join(', ');
}
