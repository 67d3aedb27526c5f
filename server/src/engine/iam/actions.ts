import type { ActionInfo, IamData } from './data';
import type { Statement } from '../policy';
import type { Property, StringItem } from '../json';
import { stringItems } from '../json';
import { hasWildcard, headAdmits, wildcardMatch } from './wildcard';

/** An action string split at its first colon (`connect:List*` -> `connect`, `List*`). */
export interface ActionParts {
  service: string;
  name: string;
  /** Index of the colon in the string. */
  colon: number;
}

export function splitAction(value: string): ActionParts | undefined {
  const colon = value.indexOf(':');
  if (colon < 0) return undefined;
  return { service: value.slice(0, colon), name: value.slice(colon + 1), colon };
}

/** The statement's Action or NotAction element with its string items. */
export interface ActionElement {
  prop: Property;
  /** True for NotAction. */
  not: boolean;
  items: StringItem[];
  /** The items' values lower-cased, by index. */
  lower: string[];
  /** `itemAction` results, by index (null: no such action). */
  actions?: (ActionInfo | null)[];
  /** `itemParts` results, by index (null: no colon). */
  parts?: (ActionParts | null)[];
  /** connect/scope.ts: indices of the distinct items that can match a service prefix, by prefix. */
  distinctByPrefix?: Map<string, number[]>;
}

/** `splitAction` of item `n`, split once per statement for all rules (read-only). */
export function itemParts(el: ActionElement, n: number): ActionParts | undefined {
  const cache = (el.parts ??= new Array<ActionParts | null>(el.items.length));
  let hit = cache[n];
  if (hit === undefined) cache[n] = hit = splitAction(el.items[n].value) ?? null;
  return hit ?? undefined;
}

/** The catalogue action item `n` names (`IamData.actionOfItem`), looked up once per statement. */
export function itemAction(iam: IamData, el: ActionElement, n: number): ActionInfo | undefined {
  const cache = (el.actions ??= new Array<ActionInfo | null>(el.items.length));
  let hit = cache[n];
  if (hit === undefined) cache[n] = hit = iam.actionOfItem(el.items[n].value) ?? null;
  return hit ?? undefined;
}

// Several rules read the same statement in one lint: build its item list once (kept on the statement).
export function actionElement(s: Statement): ActionElement | undefined {
  let hit = s.actionElement;
  if (hit === undefined) {
    const prop = s.el.Action ?? s.el.NotAction;
    const items = prop ? stringItems(prop.value) : [];
    hit = s.actionElement = prop ? { prop, not: prop.name === 'NotAction', items, lower: items.map((i) => i.value.toLowerCase()) } : null;
  }
  return hit ?? undefined;
}

const expansions = new WeakMap<IamData, Map<string, ReadonlySet<ActionInfo>>>();

/**
 * Every action the statement's Action grants, or for NotAction every catalogue action
 * it leaves out. Memoised per catalogue by the list of patterns, so re-linting on each
 * keystroke costs one map lookup; `"Action": "*"` and NotAction sets are built once.
 */
export function expandStatementActions(iam: IamData, s: Statement): ReadonlySet<ActionInfo> {
  const el = actionElement(s);
  if (!el) return new Set();
  return expandPatterns(iam, el.items.map((i) => i.value), el.not);
}

export function expandPatterns(iam: IamData, patterns: readonly string[], not: boolean): ReadonlySet<ActionInfo> {
  let cache = expansions.get(iam);
  if (!cache) {
    cache = new Map();
    expansions.set(iam, cache);
  }
  // Distinct patterns, sorted: the key is the same however the list repeats or orders them.
  const distinct = [...new Set(patterns.map((p) => p.toLowerCase()))].sort();
  const key = (not ? '!' : '=') + distinct.join('\n');
  let hit = cache.get(key);
  if (hit) return hit;
  const matched = new Set<ActionInfo>();
  for (const p of distinct) for (const a of iam.expandAction(p)) matched.add(a);
  if (not) {
    const rest = new Set<ActionInfo>();
    for (const a of iam.allActions()) if (!matched.has(a)) rest.add(a);
    hit = rest;
  } else hit = matched;
  // A NotAction set holds ~22,000 actions: keep few (editing a list makes a new key per keystroke).
  if (cache.size >= 32) cache.clear();
  cache.set(key, hit);
  return hit;
}

/** How a statement's action element reaches one named action. */
export interface ActionGrant {
  /** 'explicit' (the item names it), 'wildcard' (an item's wildcard covers it), 'not-action'. */
  via: 'explicit' | 'wildcard' | 'not-action';
  /** The granting item (absent for NotAction). */
  item?: StringItem;
}

/**
 * Whether the statement's Action/NotAction covers `fullName` (e.g. `iam:PassRole`),
 * without expanding the catalogue: each item is matched against the one name.
 */
export function grantsAction(s: Statement, fullName: string): ActionGrant | undefined {
  const el = actionElement(s);
  if (!el) return undefined;
  // headAdmits first: most items name another service and differ in the first character.
  if (el.not) {
    return el.items.some((i) => headAdmits(i.value, fullName) && wildcardMatch(i.value, fullName)) ? undefined : { via: 'not-action' };
  }
  let wild: StringItem | undefined;
  for (const i of el.items) {
    if (!headAdmits(i.value, fullName) || !wildcardMatch(i.value, fullName)) continue;
    if (!hasWildcard(i.value)) return { via: 'explicit', item: i };
    wild ??= i;
  }
  return wild ? { via: 'wildcard', item: wild } : undefined;
}

/** Character comparisons (ends, then outer x inner DP cells) a caller lets patternCovers spend; counts down. */
export interface CoverBudget {
  cells: number;
}

/**
 * Whether every action `inner` can match is also matched by `outer` (both IAM action
 * patterns, case-insensitive unless `caseSensitive`, as resource ARNs are). Sound but not
 * complete: a `?` in `outer` never absorbs a `*` of `inner`. O(|outer| x |inner|), after a
 * linear check of the literal ends; with a `budget`, answers false once it is spent.
 */
const MAX_COVER_LENGTH = 512;

export function patternCovers(outer: string, inner: string, caseSensitive = false, budget?: CoverBudget): boolean {
  const o = caseSensitive ? outer : outer.toLowerCase();
  const t = caseSensitive ? inner : inner.toLowerCase();
  const n = o.length;
  const m = t.length;
  // Real action patterns are short (names stay under 128 characters). Past this length the
  // DP below would cost n x m for a pattern that matches no action anyway (and
  // wildcard-matches-nothing reports it), so only an exact duplicate counts as covered.
  if (n > MAX_COVER_LENGTH || m > MAX_COVER_LENGTH) return o === t;
  // Before outer's first star and after its last, each outer character takes exactly one
  // inner character: most pairs of a long list differ there, without the DP.
  const first = o.indexOf('*');
  const tail = first < 0 ? 0 : n - 1 - o.lastIndexOf('*');
  if (budget && (budget.cells -= first < 0 ? n : first + tail) < 0) return false;
  if (first < 0) return n === m && endsAgree(o, t, 0, n, 0);
  if (first + tail > m || !endsAgree(o, t, 0, first, 0) || !endsAgree(o, t, n - tail, n, m - tail)) return false;
  if (budget && (budget.cells -= n * m) < 0) return false;
  // One star (`connect:Describe*`, the usual pattern) covers whatever lies between the ends
  // that agree, wildcards included: the table below would say the same.
  if (first === n - 1 - tail) return true;
  // reach[j]: o[0..i) can cover t[0..j); rolled over i.
  let prev = coverRowA;
  let cur = coverRowB;
  prev.fill(0, 0, m + 1);
  prev[0] = 1;
  for (let i = 1; i <= n; i++) {
    const oc = o.charCodeAt(i - 1);
    cur.fill(0, 0, m + 1);
    if (oc === 42 /* * */) {
      // A star covers any run of the inner text, wildcards included.
      let any = 0;
      for (let j = 0; j <= m; j++) {
        any |= prev[j];
        cur[j] = any;
      }
    } else {
      for (let j = 1; j <= m; j++) {
        if (!prev[j - 1]) continue;
        const tc = t.charCodeAt(j - 1);
        if (tc === 42) continue;
        if (oc === 63 /* ? */ || (tc !== 63 && oc === tc)) cur[j] = 1;
      }
    }
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return prev[m] === 1;
}

const coverRowA = new Uint8Array(MAX_COVER_LENGTH + 1);
const coverRowB = new Uint8Array(MAX_COVER_LENGTH + 1);

/** o[from..to) against t from `at`, one character each: `?` takes any but a star. */
function endsAgree(o: string, t: string, from: number, to: number, at: number): boolean {
  for (let i = from; i < to; i++) {
    const oc = o.charCodeAt(i);
    const tc = t.charCodeAt(at + i - from);
    if (oc === 63 /* ? */ ? tc === 42 : oc !== tc) return false;
  }
  return true;
}
