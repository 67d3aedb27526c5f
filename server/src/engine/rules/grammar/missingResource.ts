import { Rule } from '../../types';
import { statementLabel } from '../../policy';
import { cap, lacksPair, openingOf } from './util';

export const missingResource: Rule = {
  id: 'CG1009',
  name: 'missing-resource',
  defaultSeverity: 'error',
  short: 'A statement has neither "Resource" nor "NotResource"',
  description:
    'Statements of identity policies, SCPs, VPC endpoint policies and resource-based policies must name their resources with "Resource" (or "NotResource"). Role trust policies are the exception: they have no Resource (see `principal-shape`).',
  kinds: ['identity', 'scp', 'endpoint', 'resource'],
  tags: ['grammar'],
  accessAnalyzer: ['Missing resource'],
  docs: {
    rationale: 'Least privilege for Amazon Connect is mostly resource scoping: one instance, its queues, its agents (`instance/<id>/agent/*`). A statement without Resource is rejected by IAM; the usual "fix" under deadline pressure is `"Resource": "*"`, so write the scoped ARNs from the start.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeQueue" }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeQueue", "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/*/queue/*" }]\n}',
    fix: 'Add `"Resource"` with the ARNs the statement applies to; use `"*"` only for actions that support no resource type.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      if (!lacksPair(s, 'Resource', 'NotResource')) continue;
      ctx.report({ ...openingOf(s.node), message: `${cap(statementLabel(s))} has neither "Resource" nor "NotResource": IAM rejects it. Add "Resource" with the ARNs it applies to.` });
    }
  },
};
