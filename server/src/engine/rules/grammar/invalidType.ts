import { Rule, RuleContext, Fix } from '../../types';
import { Node, Property, properties } from '../../json';
import { fix, replaceNode } from '../../fixes';
import { CURRENT_VERSION } from './invalidVersion';
import { rangeOf, typeLabel } from './util';
import { SID, cleanSid } from './invalidSid';

const STRING_OR_LIST = ['Action', 'NotAction', 'Resource', 'NotResource'] as const;

export const invalidType: Rule = {
  id: 'CG1017',
  name: 'invalid-type',
  defaultSeverity: 'error',
  short: 'An element holds the wrong JSON type',
  description:
    'IAM expects fixed JSON types: the document is an object; "Version", "Id", "Sid" and "Effect" are strings; "Action", "NotAction", "Resource" and "NotResource" are a string or an array of strings; each item of a "Statement" array is an object; "Condition" and each operator block in it are objects. Anything else (a number, a boolean, null, a nested array) is rejected. The range is the offending value. Principal shapes are checked by `principal-shape`, condition values by `condition-operator`, and a "Statement" that is neither object nor array by `missing-statement`.',
  kinds: ['identity', 'scp', 'endpoint', 'resource', 'trust'],
  tags: ['grammar'],
  accessAnalyzer: ['Data type mismatch'],
  fixable: true,
  docs: {
    rationale: 'YAML-to-JSON conversion in infrastructure pipelines turns unquoted `Version: 2012-10-17` into a date or number and `Resource: ~` into null; IAM then rejects the Amazon Connect policy at deployment. Catching the type in the editor keeps the error next to its cause.',
    bad: '{\n  "Version": 20121017,\n  "Statement": [{ "Effect": "Allow", "Action": ["connect:DescribeUser", 42], "Resource": null }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["connect:DescribeUser"], "Resource": "*" }]\n}',
    fix: 'Quote scalar values and use arrays of strings for lists. The quick-fix sets a non-string Version to "2012-10-17" and quotes a numeric Sid.',
  },
  check(ctx) {
    const { root, version, props, statementProp, statements } = ctx.policy;
    if (!root) return;
    if (root.type !== 'object') {
      const whole = root.type !== 'array';
      ctx.report({
        offset: root.offset,
        length: whole ? root.length : 1,
        message: `The document is ${typeLabel(root)}: a policy is a JSON object with "Version" and "Statement".`,
      });
      return;
    }
    if (version?.value && version.value.type !== 'string') {
      scalar(ctx, version, [fix(`Change to "${CURRENT_VERSION}"`, [replaceNode(version.value, CURRENT_VERSION)], true)]);
    }
    const id = props.find((p) => p.name === 'Id');
    if (id) scalar(ctx, id);
    const sv = statementProp?.value;
    if (sv?.type === 'array') {
      for (const item of sv.children ?? []) {
        if (item.type !== 'object') ctx.report({ ...rangeOf(item), message: `A statement is ${typeLabel(item)}: each item of "Statement" must be an object with "Effect", "Action"...` });
      }
    }
    for (const s of statements) {
      const sid = s.el.Sid;
      if (sid) scalar(ctx, sid, sid.value?.type === 'number' ? [quoteSid(sid.value)] : undefined);
      if (s.el.Effect) scalar(ctx, s.el.Effect);
      for (const name of STRING_OR_LIST) {
        const p = s.el[name];
        if (p) stringOrList(ctx, p);
      }
      const cond = s.el.Condition;
      if (cond?.value) {
        if (cond.value.type !== 'object') {
          ctx.report({ ...rangeOf(cond.value), message: `"Condition" is ${typeLabel(cond.value)}: it must be an object of operators, e.g. { "StringEquals": { "aws:ResourceTag/Team": "Agents" } }.` });
        } else {
          for (const op of properties(cond.value)) {
            if (op.value && op.value.type !== 'object') {
              ctx.report({ ...rangeOf(op.value), message: `Operator "${op.name}" holds ${typeLabel(op.value)}: it must be an object of condition keys and values, e.g. { "aws:ResourceTag/Team": "Agents" }.` });
            }
          }
        }
      }
    }
  },
};

function scalar(ctx: RuleContext, p: Property, fixes?: Fix[]): void {
  const v = p.value;
  if (!v || v.type === 'string') return;
  ctx.report({ ...rangeOf(v), message: `"${p.name}" is ${typeLabel(v)}: it must be a string.`, fixes });
}

function stringOrList(ctx: RuleContext, p: Property): void {
  const v = p.value;
  if (!v || v.type === 'string') return;
  if (v.type !== 'array') {
    ctx.report({ ...rangeOf(v), message: `"${p.name}" is ${typeLabel(v)}: it must be a string or an array of strings.` });
    return;
  }
  for (const item of v.children ?? []) {
    if (item.type !== 'string') ctx.report({ ...rangeOf(item), message: `An item of "${p.name}" is ${typeLabel(item)}: every item must be a string.` });
  }
}

/**
 * A numeric Sid as a string that invalid-sid accepts: `1` stays "1", `-3.5e+10` becomes
 * "35e10" (quoting it as it is would only trade this finding for an invalid-sid one).
 */
function quoteSid(value: Node): Fix {
  const raw = String(value.value);
  const sid = SID.test(raw) ? raw : cleanSid(raw) || raw;
  return fix(sid === raw ? 'Quote the Sid' : `Change to "${sid}"`, [replaceNode(value, sid)], true);
}
