import { Rule, POLICY_KINDS } from '../../types';
import { statementLabel } from '../../policy';
import { cap, lacksPair, openingOf } from './util';

export const missingAction: Rule = {
  id: 'CG1008',
  name: 'missing-action',
  defaultSeverity: 'error',
  short: 'A statement has neither "Action" nor "NotAction"',
  description: 'Every statement must say which actions it covers with "Action" (or "NotAction"). IAM rejects a statement without either.',
  kinds: POLICY_KINDS,
  tags: ['grammar'],
  accessAnalyzer: ['Missing action'],
  docs: {
    rationale: 'A statement without actions is usually a half-finished edit: the resource scoping (for example one Connect instance) and the conditions are there, but the grant is not, and IAM refuses the whole policy.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/*" }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeInstance", "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/*" }]\n}',
    fix: 'Add `"Action": [ ... ]` with the actions the persona needs (for example `connect:Describe*` for read access).',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      if (!lacksPair(s, 'Action', 'NotAction')) continue;
      ctx.report({ ...openingOf(s.node), message: `${cap(statementLabel(s))} has neither "Action" nor "NotAction": IAM rejects it. Add "Action" with the actions it should cover.` });
    }
  },
};
