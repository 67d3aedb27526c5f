import { Rule, RuleContext, Fix } from '../../types';
import { Node } from '../../json';
import { Statement, conditionEntries } from '../../policy';
import { fix } from '../../fixes';
import { parseOperator } from '../../iam/conditions';
import { rangeInString } from '../iam/stringRange';
import { OLD_VERSION } from './invalidVersion';

/** One `${...}` in a string value; `end` is exclusive, indices into the decoded value. */
export interface PolicyVariable {
  start: number;
  end: number;
  /** Text between `${` and `}`; undefined when the closing brace is missing. */
  body: string | undefined;
}

/** Every `${` in a value, with what follows up to its `}` (or to the next `${` / the end when unclosed). */
export function findVariables(value: string): PolicyVariable[] {
  const out: PolicyVariable[] = [];
  let i = value.indexOf('${');
  while (i >= 0) {
    const close = value.indexOf('}', i + 2);
    const next = value.indexOf('${', i + 2);
    if (close < 0 || (next >= 0 && next < close)) {
      out.push({ start: i, end: next >= 0 ? next : value.length, body: undefined });
      i = next;
      continue;
    }
    out.push({ start: i, end: close + 1, body: value.slice(i + 2, close) });
    i = value.indexOf('${', close + 1);
  }
  return out;
}

const SPECIAL = new Set(['*', '?', '$']);
const QUOTED_DEFAULT = /^'[^']*'$/;

interface SyntaxProblem {
  message: string;
  /** The corrected variable, when the correction is mechanical. */
  replacement?: string;
}

function syntaxProblem(v: PolicyVariable, value: string): SyntaxProblem | undefined {
  const text = value.slice(v.start, v.end);
  if (v.body === undefined) return { message: `${text} has no closing "}": IAM treats it as literal text, so it never matches. Close the variable.` };
  const body = v.body;
  if (body.trim() === '') return { message: `${text} names no variable: write e.g. \${aws:username}.` };
  if (SPECIAL.has(body)) return undefined;
  const comma = body.indexOf(',');
  const name = comma >= 0 ? body.slice(0, comma) : body;
  const dflt = comma >= 0 ? body.slice(comma + 1).trim() : undefined;
  const cleanName = name.replace(/\s+/g, '');
  const cleanDefault = dflt === undefined ? undefined : QUOTED_DEFAULT.test(dflt) ? dflt : `'${dflt.replace(/'/g, '')}'`;
  const rebuilt = `\${${cleanName}${cleanDefault === undefined ? '' : `, ${cleanDefault}`}}`;
  if (cleanName !== name) return { message: `${text} has a space in the variable name: IAM does not substitute it. Write ${rebuilt}.`, replacement: rebuilt };
  if (dflt !== undefined && !QUOTED_DEFAULT.test(dflt)) return { message: `The default value in ${text} must be in single quotes: write ${rebuilt}.`, replacement: rebuilt };
  return undefined;
}

export const policyVariable: Rule = {
  id: 'CG1020',
  name: 'policy-variable',
  defaultSeverity: 'error',
  short: 'A policy variable is malformed, misplaced or will not be substituted',
  description:
    'Policy variables such as ${aws:username} or ${aws:PrincipalTag/team} are substituted at request time only when they are well formed (closing brace, a name without spaces, a default value in single quotes: ${aws:username, \'none\'}), placed in "Resource", "NotResource" or a condition value under a String or ARN operator, and the policy has "Version": "2012-10-17". Anywhere else they are literal text that never matches.',
  kinds: ['identity', 'scp', 'endpoint', 'resource', 'trust'],
  tags: ['grammar', 'variables'],
  accessAnalyzer: [
    'Missing brace in variable', 'Missing quote in variable', 'Unsupported space in variable', 'Empty variable',
    'Variable unsupported in element', 'Variable unsupported in version', 'Invalid variable for operator',
  ],
  fixable: true,
  docs: {
    rationale: 'Amazon Connect SAML federation scopes each agent to their own user with `instance/<id>/user/${aws:userid}` in the Resource, and tag-based access compares `aws:ResourceTag/Team` with `${aws:PrincipalTag/Team}`. A variable that is not substituted is compared literally: the Allow matches nothing (agents are locked out) or, in a Deny, the guardrail matches nothing and stops protecting.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:DescribeUser",\n    "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/*/user/${aws:userid",\n    "Condition": { "NumericEquals": { "aws:ResourceTag/Team": "${aws:PrincipalTag/Team}" } }\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:DescribeUser",\n    "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/*/user/${aws:userid}",\n    "Condition": { "StringEquals": { "aws:ResourceTag/Team": "${aws:PrincipalTag/Team}" } }\n  }]\n}',
    fix: 'Close the brace, remove spaces from the variable name, quote default values with single quotes, move the variable into Resource or a String/ARN condition, and set `"Version": "2012-10-17"`. Quick-fixes correct spaces and unquoted defaults.',
    notes: '`${*}`, `${?}` and `${$}` are the documented escapes for literal `*`, `?` and `$` and are accepted. Variables in condition key names are not checked.',
  },
  check(ctx) {
    const version = ctx.policy.version?.value;
    const literal = !version ? 'the policy has no "Version"' : version.type === 'string' && version.value === OLD_VERSION ? `"Version" is "${OLD_VERSION}"` : undefined;
    for (const s of ctx.policy.statements) {
      for (const p of [s.el.Resource, s.el.NotResource]) if (p?.value) eachString(p.value, (n) => checkValue(ctx, n, literal));
      for (const e of conditionEntries(s)) {
        const family = parseOperator(e.operator.name).info?.family;
        for (const n of e.values) {
          if (n.type !== 'string') continue;
          const bad = family && family !== 'String' && family !== 'Arn' ? e.operator.name : undefined;
          checkValue(ctx, n, literal, bad);
        }
      }
      checkUnsupported(ctx, s);
    }
  },
};

function eachString(node: Node, f: (n: Node) => void): void {
  if (node.type === 'string') f(node);
  else if (node.type === 'array') for (const c of node.children ?? []) if (c.type === 'string') f(c);
}

function checkValue(ctx: RuleContext, node: Node, literal: string | undefined, badOperator?: string): void {
  const value = node.value as string;
  if (!value.includes('${')) return;
  for (const v of findVariables(value)) {
    const at = rangeInString(ctx.text, node, v.start, v.end);
    const text = value.slice(v.start, v.end);
    const problem = syntaxProblem(v, value);
    if (problem) {
      const fixes: Fix[] = problem.replacement ? [fix(`Change to ${problem.replacement}`, [{ ...at, content: JSON.stringify(problem.replacement).slice(1, -1) }], true)] : [];
      ctx.report({ ...at, message: problem.message, fixes });
      continue;
    }
    if (badOperator) {
      ctx.report({ ...at, message: `${text} is not substituted under ${badOperator}: policy variables work only with String and ARN operators. Use a String or ARN operator, or a literal value.` });
      continue;
    }
    if (literal && !SPECIAL.has(v.body ?? '')) {
      ctx.report({ ...at, message: `${text} stays literal text because ${literal}: variables need "Version": "2012-10-17".` });
    }
  }
}

/** Variables outside Resource and condition values are never substituted. */
function checkUnsupported(ctx: RuleContext, s: Statement): void {
  for (const p of s.props) {
    if (p.name === 'Resource' || p.name === 'NotResource' || p.name === 'Condition' || !p.value) continue;
    const stack: Node[] = [p.value];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'string') {
        const value = n.value as string;
        if (!value.includes('${')) continue;
        for (const v of findVariables(value)) {
          ctx.report({
            ...rangeInString(ctx.text, n, v.start, v.end),
            message: `Policy variables are substituted only in "Resource", "NotResource" and condition values: ${value.slice(v.start, v.end)} in "${p.name}" is literal text. Move the variable, or scope with a condition instead.`,
          });
        }
      } else if (n.type === 'array' || n.type === 'object' || n.type === 'property') {
        for (const c of n.children ?? []) if (!(n.type === 'property' && c === n.children![0])) stack.push(c);
      }
    }
  }
}
