import { Rule, POLICY_KINDS } from '../../types';
import { misspeltAs, openingOf, rangeOf, TOP_LEVEL, typeLabel } from './util';

export const missingStatement: Rule = {
  id: 'CG1004',
  name: 'missing-statement',
  defaultSeverity: 'error',
  short: 'The policy has no usable "Statement"',
  description:
    'Every IAM policy needs a "Statement" element holding one statement object or an array of them. This rule reports a policy object without it and a "Statement" that is neither an object nor an array. A document that is not a JSON object at all is reported by `invalid-type`; a misspelt "Statement" key by `unknown-element`.',
  kinds: POLICY_KINDS,
  tags: ['grammar'],
  accessAnalyzer: ['Missing statement'],
  docs: {
    rationale: 'A Connect guardrail (an SCP denying `connect:DeleteInstance`) or a persona policy without statements is either rejected at deployment or grants and denies nothing: the control an auditor was promised does not exist.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": "connect:DescribeUser"\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" }]\n}',
    fix: 'Add `"Statement": [ ... ]` with at least one statement object holding `Effect`, `Action` and (except in trust policies) `Resource`.',
  },
  check(ctx) {
    const { root, statementProp, props } = ctx.policy;
    if (!root || root.type !== 'object') return;
    if (!statementProp) {
      if (misspeltAs(props, TOP_LEVEL, ['Statement'])) return;
      ctx.report({ ...openingOf(root), message: 'The policy has no "Statement": IAM rejects it. Add "Statement": [ ... ] with at least one statement.' });
      return;
    }
    const v = statementProp.value;
    if (!v) return; // "Statement": with no value is a syntax error.
    if (v.type === 'array' || v.type === 'object') return;
    ctx.report({ ...rangeOf(v), message: `"Statement" is ${typeLabel(v)}: it must be a statement object or an array of statement objects.` });
  },
};
