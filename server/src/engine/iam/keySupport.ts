import type { ActionInfo, IamData } from './data';
import { BoundedMemo } from '../boundedMemo';

/** The keys an action puts in the request context: its own and its resource types'. */
interface KeySupport {
  exact: Set<string>;
  /** Lower-cased fixed parts of families (`aws:resourcetag/`, `connect:searchtag/`). */
  prefixes: string[];
}

// One entry per catalogue action (a fixed set), so not bounded.
const SUPPORT = new WeakMap<ActionInfo, KeySupport>();

function supportOf(iam: IamData, a: ActionInfo): KeySupport {
  let hit = SUPPORT.get(a);
  if (hit) return hit;
  hit = { exact: new Set(), prefixes: [] };
  const add = (k: string) => {
    const lower = k.toLowerCase();
    const v = lower.indexOf('${');
    if (v >= 0) hit!.prefixes.push(lower.slice(0, v));
    else hit!.exact.add(lower);
  };
  a.conditionKeys.forEach(add);
  for (const r of a.resourceTypes) {
    r.conditionKeys.forEach(add);
    iam.resourceType(a.service, r.name)?.conditionKeys.forEach(add);
  }
  SUPPORT.set(a, hit);
  return hit;
}

/** Whether the action puts the (lower-cased) condition key in the request context. */
export function carriesKey(iam: IamData, a: ActionInfo, keyLower: string): boolean {
  const s = supportOf(iam, a);
  if (s.exact.has(keyLower)) return true;
  for (const p of s.prefixes) if (keyLower.startsWith(p) && keyLower.length > p.length) return true;
  return false;
}

const NONE: readonly ActionInfo[] = Object.freeze([]);

// key -> action pattern -> the actions of the pattern's expansion that do not carry the key.
// A statement's answer is put together from its patterns' lists, so a list edited on every
// keystroke, or a corpus of distinct lists, reuses the patterns' work. Lists of broad
// wildcards hold thousands of actions: past HELD_LIMIT listed actions in all (a few MB)
// the whole memo starts again empty.
const unsupportedMemo = new WeakMap<IamData, { byKey: BoundedMemo<string, BoundedMemo<string, readonly ActionInfo[]>>; held: number }>();
const HELD_LIMIT = 500_000;

/**
 * The actions of `iam.expandAction(pattern)` (pattern lower-cased) that do not carry the key,
 * in expansion order. Memoised per (key, pattern), bounded; do not modify the list.
 */
export function unsupportedActions(iam: IamData, keyLower: string, pattern: string): readonly ActionInfo[] {
  let memo = unsupportedMemo.get(iam);
  if (!memo) unsupportedMemo.set(iam, (memo = { byKey: new BoundedMemo(64), held: 0 }));
  let byPattern = memo.byKey.get(keyLower);
  const hit = byPattern?.get(pattern);
  if (hit) return hit;
  let out: ActionInfo[] | undefined;
  for (const a of iam.expandAction(pattern)) if (!carriesKey(iam, a, keyLower)) (out ??= []).push(a);
  if (out && (memo.held += out.length) > HELD_LIMIT) {
    memo.byKey = new BoundedMemo(64);
    memo.held = out.length;
    byPattern = undefined;
  }
  byPattern ??= memo.byKey.set(keyLower, new BoundedMemo(4096));
  return byPattern.set(pattern, out ?? NONE);
}

export interface Applicability {
  /** Actions the statement covers. */
  total: number;
  /** How many of them do not carry the key. */
  unsupported: number;
  /** Up to five of those, by full name: in pattern order (patterns sorted), then catalogue order. */
  sample: string[];
}

const SAMPLE = 5;

/**
 * How many of the actions an Action list (or, with `not`, a NotAction list) covers do not
 * carry the key. `patterns`: the list's distinct lower-cased items, sorted. `resolved`, by
 * the same index: for a pattern without wildcards, the catalogue action it names (null for
 * none), already looked up by the caller; undefined where the pattern is to be expanded.
 */
export function keyApplicability(
  iam: IamData, patterns: readonly string[], not: boolean, keyLower: string, resolved: readonly (ActionInfo | null | undefined)[] = [],
): Applicability {
  const sample: string[] = [];
  const expansion = (i: number): readonly ActionInfo[] => {
    const a = resolved[i];
    return a === undefined ? iam.expandAction(patterns[i]) : a ? [a] : NONE;
  };
  const missing = (i: number): readonly ActionInfo[] => {
    const a = resolved[i];
    return a === undefined ? unsupportedActions(iam, keyLower, patterns[i]) : a && !carriesKey(iam, a, keyLower) ? [a] : NONE;
  };
  if (not) {
    const matched = new Set<ActionInfo>();
    for (let i = 0; i < patterns.length; i++) for (const a of expansion(i)) matched.add(a);
    let unsupported = 0;
    for (const a of unsupportedActions(iam, keyLower, '*')) {
      if (matched.has(a)) continue;
      unsupported++;
      if (sample.length < SAMPLE) sample.push(a.fullName);
    }
    // Expansions are catalogue actions, so `matched` is a subset of them all.
    return { total: iam.allActions().length - matched.size, unsupported, sample };
  }
  if (patterns.length === 1) {
    // One expansion holds each action once.
    const un = missing(0);
    for (let i = 0; i < un.length && i < SAMPLE; i++) sample.push(un[i].fullName);
    return { total: expansion(0).length, unsupported: un.length, sample };
  }
  if (resolved.length === patterns.length && !resolved.includes(undefined)) {
    // No wildcards: distinct patterns name distinct actions (the action id is the lower-cased
    // pattern), each at most one, so nothing can be counted twice.
    let total = 0;
    let unsupported = 0;
    for (const a of resolved) {
      if (!a) continue;
      total++;
      if (carriesKey(iam, a, keyLower)) continue;
      unsupported++;
      if (sample.length < SAMPLE) sample.push(a.fullName);
    }
    return { total, unsupported, sample };
  }
  const covered = new Set<ActionInfo>();
  const missed = new Set<ActionInfo>();
  for (let i = 0; i < patterns.length; i++) {
    for (const a of expansion(i)) covered.add(a);
    for (const a of missing(i)) {
      if (missed.has(a)) continue;
      missed.add(a);
      if (sample.length < SAMPLE) sample.push(a.fullName);
    }
  }
  return { total: covered.size, unsupported: missed.size, sample };
}
