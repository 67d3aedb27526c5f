import { Rule, POLICY_KINDS } from '../../types';
import { conditionEntries } from '../../policy';
import type { ActionInfo, IamData } from '../../iam/data';
import { actionElement, expandPatterns } from '../../iam/actions';
import { parseOperator, trueWhenKeyAbsent } from '../../iam/conditions';

/** The keys an action puts in the request context: its own and its resource types'. */
interface KeySupport {
  exact: Set<string>;
  /** Lower-cased fixed parts of families (`aws:resourcetag/`, `connect:searchtag/`). */
  prefixes: string[];
}

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

function supports(iam: IamData, a: ActionInfo, keyLower: string): boolean {
  const s = supportOf(iam, a);
  if (s.exact.has(keyLower)) return true;
  // A loop, not `some`: called for every action a wildcard grants, once per condition key.
  for (const p of s.prefixes) if (keyLower.startsWith(p) && keyLower.length > p.length) return true;
  return false;
}

interface Applicability {
  total: number;
  unsupported: number;
  /** Up to five unsupported actions, for the message. */
  sample: string[];
}

const MEMO = new WeakMap<IamData, Map<string, Map<string, Applicability>>>();

/**
 * Per action list (the statement is re-linted on every keystroke), then per key: the
 * expansion and its id string are built once per statement, not once per key.
 */
function applicabilityTable(iam: IamData, patterns: string[], not: boolean): (memoKey: string, keyLower: string) => Applicability {
  let memo = MEMO.get(iam);
  if (!memo) {
    memo = new Map();
    MEMO.set(iam, memo);
  }
  // Distinct, sorted: a list of a million repeated items keys (and expands) like its few distinct ones.
  const distinct = [...new Set(patterns.map((p) => p.toLowerCase()))].sort();
  const id = `${not ? '!' : '='}${distinct.join('\n')}`;
  let table = memo.get(id);
  if (!table) {
    if (memo.size > 200) memo.clear();
    table = new Map();
    memo.set(id, table);
  }
  let actions: ReadonlySet<ActionInfo> | undefined;
  const t = table;
  return (memoKey, keyLower) => {
    let hit = t.get(memoKey);
    if (hit) return hit;
    actions ??= expandPatterns(iam, distinct, not);
    hit = { total: actions.size, unsupported: 0, sample: [] };
    for (const a of actions) {
      if (supports(iam, a, keyLower)) continue;
      hit.unsupported++;
      if (hit.sample.length < 5) hit.sample.push(a.fullName);
    }
    t.set(memoKey, hit);
    return hit;
  };
}

const n = (x: number) => x.toLocaleString('en-US');

/** Global keys that only some actions carry; every other `aws:` key is always applicable. */
function isTagKey(lower: string): boolean {
  return lower.startsWith('aws:resourcetag/') || lower.startsWith('aws:requesttag/') || lower === 'aws:tagkeys';
}

export const conditionKeyNotApplicable: Rule = {
  id: 'CG2051',
  name: 'condition-key-not-applicable',
  defaultSeverity: 'warning',
  short: 'A condition key is never in the request context of some of the statement\'s actions',
  description:
    'Each action puts only some condition keys in the request context: its own keys, its resource types\' keys, and the global keys. For an action that never carries the key, a condition on it is decided by absence alone: false for StringEquals-like operators, true for IfExists, negated operators and ForAllValues. So an Allow never grants those actions (or grants them unconditionally), and a Deny lets them escape (or always denies them).',
  kinds: POLICY_KINDS,
  tags: ['iam', 'conditions'],
  accessAnalyzer: [
    'Unsupported action for condition key', 'Deny with unsupported tag condition key for service', 'Deny NotAction with unsupported tag condition key for service',
    'Allow with unsupported tag condition key for service', 'Allow NotAction with unsupported tag condition key for service',
  ],
  fixable: false,
  docs: {
    rationale: 'Tag-based access for Amazon Connect relies on aws:ResourceTag, which only actions on taggable resources carry: `connect:ListInstances` has no resource, so a Deny keyed on aws:ResourceTag never stops it, and an Allow keyed on it never grants it. Service keys such as `connect:InstanceId` are missing from some Connect actions; guardrails written with them leave those actions open.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "Action": ["connect:DeleteInstance", "connect:ListInstances"],\n    "Resource": "*",\n    "Condition": { "StringEquals": { "aws:ResourceTag/Protected": "true" } }\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "Action": "connect:DeleteInstance",\n    "Resource": "*",\n    "Condition": { "StringEquals": { "aws:ResourceTag/Protected": "true" } }\n  }]\n}',
    fix: 'Move the actions that do not carry the key to their own statement with a condition they support (or none), or choose a key every action carries. The message lists up to five of them.',
    notes: 'Which keys an action carries comes from the Service Authorization Reference in the bundled data, which lags AWS and sometimes omits keys that work; hence never an error. Severity follows IAM Access Analyzer: a warning when actions escape a Deny, are granted without the condition, or when no action of an Allow can ever match; information when the effect is only narrower than written (an Allow that never grants some of its actions, a Deny that always denies them). Null conditions are not checked (testing for absence is their purpose). Global keys other than aws:ResourceTag/*, aws:RequestTag/* and aws:TagKeys are present for every action. Unlike IAM Access Analyzer, wildcard actions and NotAction are expanded and checked.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      if (!s.effect) continue;
      const el = actionElement(s);
      if (!el || !el.items.length) continue;
      const entries = conditionEntries(s);
      if (!entries.length) continue;
      // Built on the first key that needs it: most conditions use global keys.
      let table: ReturnType<typeof applicabilityTable> | undefined;
      const applicability = (memoKey: string, keyLower: string) => (table ??= applicabilityTable(ctx.iam, el.lower, el.not))(memoKey, keyLower);
      for (const e of entries) {
        const op = parseOperator(e.operator.name);
        const whenAbsent = trueWhenKeyAbsent(op);
        if (whenAbsent === undefined) continue;
        const info = ctx.iam.conditionKey(e.key.name);
        if (!info) continue;
        const lower = e.key.name.toLowerCase();
        const global = info.category !== undefined || lower.startsWith('aws:');
        if (global && !isTagKey(lower)) continue;
        // A family's support depends on the family only (aws:ResourceTag/<any tag key>).
        const app = applicability(info.key.toLowerCase(), lower);
        if (!app.unsupported) continue;
        const list = app.sample.join(', ') + (app.unsupported > app.sample.length ? ` and ${n(app.unsupported - app.sample.length)} more` : '');
        const who = app.unsupported === app.total
          ? `No action of this statement carries ${e.key.name} (${list})`
          : `${n(app.unsupported)} of this statement's ${n(app.total)} actions ${app.unsupported === 1 ? 'never carries' : 'never carry'} ${e.key.name} (${list})`;
        const all = app.unsupported === app.total;
        const one = app.unsupported === 1;
        const objs = all ? 'its actions' : one ? 'that action' : 'those actions';
        const consequence = s.effect === 'Allow'
          ? (whenAbsent
            ? `the condition is true without the key, so this Allow grants ${objs} unconditionally`
            : `the condition is false without the key, so this Allow never grants ${objs}`)
          : (whenAbsent
            ? `the condition is true without the key, so this Deny always denies ${objs}`
            : `the condition is false without the key, so ${objs} ${one ? 'escapes' : 'escape'} this Deny`);
        const advice = all ? 'Use a key these actions carry.' : `Move ${one ? 'it' : 'them'} to another statement.`;
        // Access Analyzer's classes: a grant or a Deny that silently stops applying is a
        // security matter; access that is only narrower than written is a suggestion.
        const narrowerOnly = s.effect === 'Allow' ? !whenAbsent && !all : whenAbsent;
        ctx.report({
          offset: e.key.key.offset,
          length: e.key.key.length,
          severity: narrowerOnly ? 'info' : undefined,
          message: `${who}: ${consequence}. ${advice}`,
          data: { key: e.key.name, unsupported: app.unsupported, total: app.total },
        });
      }
    }
  },
};
