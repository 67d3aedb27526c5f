import { Rule, POLICY_KINDS } from '../../types';
import { conditionEntries } from '../../policy';
import type { ActionInfo, IamData } from '../../iam/data';
import { ActionElement, actionElement, itemAction } from '../../iam/actions';
import { hasWildcard } from '../../iam/wildcard';
import { keyApplicability } from '../../iam/keySupport';
import { parseOperator, trueWhenKeyAbsent } from '../../iam/conditions';

const n = (x: number) => x.toLocaleString('en-US');

interface ListPatterns {
  sorted: string[];
  resolved: (ActionInfo | null | undefined)[];
}

/**
 * The list's distinct lower-cased items, sorted (a list of a million repeated items costs
 * like its few distinct ones), with the catalogue action of each wildcard-free item from
 * the statement's shared lookup.
 */
function listPatterns(iam: IamData, el: ActionElement): ListPatterns {
  const first = new Map<string, number>();
  for (let i = 0; i < el.lower.length; i++) if (!first.has(el.lower[i])) first.set(el.lower[i], i);
  const sorted = [...first.keys()].sort();
  const resolved = sorted.map((p) => (hasWildcard(p) ? undefined : (itemAction(iam, el, first.get(p)!) ?? null)));
  return { sorted, resolved };
}

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
      let patterns: ListPatterns | undefined;
      for (const e of entries) {
        const op = parseOperator(e.operator.name);
        const whenAbsent = trueWhenKeyAbsent(op);
        if (whenAbsent === undefined) continue;
        const info = ctx.iam.conditionKey(e.key.name);
        if (!info) continue;
        const lower = e.key.name.toLowerCase();
        const global = info.category !== undefined || lower.startsWith('aws:');
        if (global && !isTagKey(lower)) continue;
        patterns ??= listPatterns(ctx.iam, el);
        const app = keyApplicability(ctx.iam, patterns.sorted, el.not, lower, patterns.resolved);
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
