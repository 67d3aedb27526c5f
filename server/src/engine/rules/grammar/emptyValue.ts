import { Rule, RuleContext } from '../../types';
import { Property, properties } from '../../json';
import { Statement, statementLabel } from '../../policy';
import { fix, removeChildren } from '../../fixes';
import { parseOperator } from '../../iam/conditions';
import { rangeOf, removeProperty } from './util';

export const emptyValue: Rule = {
  id: 'CG1016',
  name: 'empty-value',
  defaultSeverity: 'warning',
  short: 'An element holds an empty string, array or object',
  description:
    'Reports empty values where IAM Access Analyzer suggests a change: an empty "Sid"; an empty "Action", "NotAction", "Resource", "NotResource" or "Principal" (string, array, object or an empty item); an empty "Condition" or operator block; and a condition key with no values, whose meaning depends on the qualifier (ForAnyValue never matches; ForAllValues and ...IfExists match only when the key is absent).',
  kinds: ['identity', 'scp', 'endpoint', 'resource', 'trust'],
  tags: ['grammar'],
  accessAnalyzer: [
    'Empty array action', 'Empty array condition', 'Empty array condition ForAllValues', 'Empty array condition ForAnyValue',
    'Empty array condition IfExists', 'Empty array principal', 'Empty array resource', 'Empty object condition', 'Empty object principal', 'Empty Sid value',
  ],
  fixable: true,
  docs: {
    rationale: 'Empty values are what templating leaves behind when a variable (the Connect instance ARN, the list of break-glass roles) was not filled in. In an Allow the statement quietly grants nothing; in a guardrail Deny it quietly denies nothing, or, with ForAllValues and an empty list, applies in cases nobody intended.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Sid": "",\n    "Effect": "Deny",\n    "Action": "connect:DeleteInstance",\n    "Resource": [],\n    "Condition": { "ForAnyValue:StringEquals": { "aws:TagKeys": [] } }\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Sid": "DenyDeleteInstance",\n    "Effect": "Deny",\n    "Action": "connect:DeleteInstance",\n    "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/*"\n  }]\n}',
    fix: 'Fill in the value, or remove the element. Quick-fixes remove an empty Sid, an empty Condition or operator block, and empty items of a list.',
    notes: 'Empty strings as condition values are not reported: tags may have empty values, so `"aws:ResourceTag/Team": ""` can be meant.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      const sid = s.el.Sid;
      if (sid?.value?.type === 'string' && sid.value.value === '') {
        ctx.report({ ...rangeOf(sid.value), severity: 'info', message: 'The Sid is empty: give the statement a name (letters and digits) or remove "Sid".', fixes: [fix('Remove "Sid"', [removeProperty(sid)], true)] });
      }
      for (const p of [s.el.Action, s.el.NotAction]) checkList(ctx, s, p, 'actions');
      if (ctx.kind !== 'trust') for (const p of [s.el.Resource, s.el.NotResource]) checkList(ctx, s, p, 'resources');
      if (ctx.kind !== 'identity' && ctx.kind !== 'scp') {
        checkPrincipal(ctx, s, s.el.Principal);
        if (ctx.kind !== 'trust') checkPrincipal(ctx, s, s.el.NotPrincipal);
      }
      checkCondition(ctx, s);
    }
  },
};

function consequence(s: Statement): string {
  return s.effect === 'Deny' ? 'this Deny denies nothing' : s.effect === 'Allow' ? 'this Allow grants nothing' : 'the statement does nothing';
}

/** A string or a list of strings that must not be empty (Action, Resource, principal values). */
function checkList(ctx: RuleContext, s: Statement, p: Property | undefined, what: string, label = p ? `"${p.name}"` : ''): void {
  const v = p?.value;
  if (!p || !v) return;
  if ((v.type === 'string' && v.value === '') || (v.type === 'array' && !v.children?.length)) {
    ctx.report({ ...rangeOf(v), message: `${label} is empty: ${consequence(s)} (${statementLabel(s)}). List the ${what} or remove the statement.` });
    return;
  }
  if (v.type !== 'array') return;
  const items = v.children ?? [];
  const empty = items.flatMap((item, i) => (item.type === 'string' && item.value === '' ? [i] : []));
  if (!empty.length) return;
  // One fix removes every empty item of the list: one fix each would overlap at the end.
  const removeAll = fix(empty.length === 1 ? 'Remove the empty item' : `Remove the ${empty.length} empty items`, removeChildren(v, empty), true);
  for (const i of empty) ctx.report({ ...rangeOf(items[i]), message: `An empty string in ${label} matches no ${what.replace(/s$/, '')}: remove it.`, fixes: [removeAll] });
}

function checkPrincipal(ctx: RuleContext, s: Statement, p: Property | undefined): void {
  const v = p?.value;
  if (!p || !v) return;
  if ((v.type === 'array' && !v.children?.length) || (v.type === 'object' && !v.children?.length) || (v.type === 'string' && v.value === '')) {
    ctx.report({ ...rangeOf(v), message: `"${p.name}" is empty: ${consequence(s)}. Name the accounts, roles or services, e.g. { "AWS": "arn:aws:iam::111122223333:root" }.` });
    return;
  }
  for (const e of properties(v)) checkList(ctx, s, e, 'principals', `"${p.name}" "${e.name}"`);
}

function checkCondition(ctx: RuleContext, s: Statement): void {
  const cond = s.el.Condition;
  const v = cond?.value;
  if (!cond || v?.type !== 'object') return;
  if (!v.children?.length) {
    ctx.report({ ...rangeOf(v), message: '"Condition" is empty: it restricts nothing. Add the conditions you meant or remove it.', fixes: [fix('Remove "Condition"', [removeProperty(cond)], true)] });
    return;
  }
  const ops = properties(v);
  const empty = ops.filter((op) => op.value?.type === 'object' && !op.value.children?.length);
  // One fix removes every empty block, and the whole "Condition" when nothing else is left
  // in it: removing the blocks one by one would overlap and then leave an empty "Condition",
  // a pass of "fix all" each.
  const removeEmpty = !empty.length
    ? undefined
    : empty.length === ops.length
      ? fix('Remove "Condition"', [removeProperty(cond)], true)
      : fix(empty.length === 1 ? `Remove "${empty[0].name}"` : `Remove the ${empty.length} empty operator blocks`, removeChildren(v, empty.map((op) => v.children!.indexOf(op.node))), true);
  for (const op of ops) {
    if (op.value?.type !== 'object') continue;
    if (!op.value.children?.length) {
      ctx.report({ ...rangeOf(op.value), message: `"${op.name}" has no condition keys: it restricts nothing. Add keys or remove it.`, fixes: [removeEmpty!] });
      continue;
    }
    const parsed = parseOperator(op.name);
    for (const key of properties(op.value)) {
      const kv = key.value;
      if (kv?.type !== 'array' || kv.children?.length) continue;
      ctx.report({ ...rangeOf(kv), message: emptyValuesMessage(op.name, key.name, parsed.qualifier, parsed.ifExists, s) });
    }
  }
}

function emptyValuesMessage(op: string, key: string, qualifier: string | undefined, ifExists: boolean, s: Statement): string {
  const tail = s.effect === 'Deny' ? ' In a Deny this is rarely what a guardrail means.' : '';
  if (qualifier === 'ForAnyValue') return `${op} with no values for ${key} never matches: ${consequence(s)}. List the values.`;
  if (qualifier === 'ForAllValues') return `${op} with no values for ${key} matches only requests without ${key}. Use "Null": { "${key}": "true" } if that is what you mean.${tail}`;
  if (ifExists) return `${op} with no values for ${key} matches only requests without ${key}. Use "Null": { "${key}": "true" } if that is what you mean.${tail}`;
  return `${key} has no values under ${op}: the condition cannot match as written. List the values or remove the key.`;
}

