import { Rule, POLICY_KINDS } from '../../types';
import { statementLabel } from '../../policy';
import { cap, rangeOf } from './util';

const PAIRS: readonly [string, string][] = [['Action', 'NotAction'], ['Resource', 'NotResource'], ['Principal', 'NotPrincipal']];

export const actionAndNotaction: Rule = {
  id: 'CG1007',
  name: 'action-and-notaction',
  defaultSeverity: 'error',
  short: 'A statement has both an element and its "Not" form',
  description:
    'A statement may hold "Action" or "NotAction", "Resource" or "NotResource", "Principal" or "NotPrincipal", never both of a pair. IAM rejects the policy. The finding is on the second key of the pair.',
  kinds: POLICY_KINDS,
  tags: ['grammar'],
  accessAnalyzer: ['Unsupported element combination'],
  docs: {
    rationale: 'Mixing `Action` and `NotAction` usually comes from merging two drafts of a Connect persona policy; the author\'s intent is ambiguous (allow these actions, or everything but those?), and IAM refuses the policy, so neither the least-privilege grant nor the exclusion is deployed.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:Describe*",\n    "NotAction": "connect:DescribeInstance",\n    "Resource": "*"\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:Describe*",\n    "Resource": "*"\n  }]\n}',
    fix: 'Keep one element of the pair. To carve an exception out of a grant, use a separate Deny statement with the excluded actions or resources.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      for (const [a, b] of PAIRS) {
        const pa = s.el[a as 'Action'];
        const pb = s.el[b as 'NotAction'];
        if (!pa || !pb) continue;
        const second = pa.node.offset > pb.node.offset ? pa : pb;
        const first = second === pa ? pb : pa;
        ctx.report({
          ...rangeOf(second.key),
          message: `${cap(statementLabel(s))} has both "${a}" and "${b}": IAM rejects the policy. Keep one; express exceptions with a separate Deny statement.`,
          related: [{ ...rangeOf(first.key), message: `"${first.name}" is here` }],
        });
      }
    }
  },
};
