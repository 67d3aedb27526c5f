import { Rule } from '../../types';
import { fix } from '../../fixes';
import { KIND_NAMES, rangeOf, removeWithRepeats } from './util';

export const principalNotAllowed: Rule = {
  id: 'CG1011',
  name: 'principal-not-allowed',
  defaultSeverity: 'error',
  short: '"Principal" or "NotPrincipal" where the policy kind does not allow it',
  description:
    'Identity policies and SCPs apply to the principal they are attached to, so they have no "Principal" or "NotPrincipal"; IAM and AWS Organizations reject the policy. Role trust policies must name who may assume the role with "Principal"; "NotPrincipal" is not supported there. The quick-fix removes the element.',
  kinds: ['identity', 'scp', 'trust'],
  tags: ['grammar'],
  accessAnalyzer: ['Unsupported principal', 'SCP syntax error principal', 'Role trust policy syntax error notprincipal'],
  fixable: true,
  docs: {
    rationale: 'Snippets copied from a KMS key policy or a Lambda permission for Connect flows carry a Principal; pasted into the agent persona\'s identity policy or into an SCP guardrail, the policy is rejected. In a trust policy, NotPrincipal would let everyone but the named principals assume the role that reaches the Connect instance, which IAM refuses.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "AWS": "arn:aws:iam::111122223333:root" },\n    "Action": "connect:DescribeUser",\n    "Resource": "*"\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:DescribeUser",\n    "Resource": "*"\n  }]\n}',
    fix: 'In an identity policy or SCP, remove the element: who the policy applies to is decided by what it is attached to. In a trust policy, replace NotPrincipal with a Principal naming who may assume the role.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      for (const p of [s.el.Principal, s.el.NotPrincipal]) {
        if (!p) continue;
        if (ctx.kind === 'trust') {
          if (p.name !== 'NotPrincipal') continue;
          // Removing NotPrincipal leaves a valid statement only when a Principal is also there.
          ctx.report({
            ...rangeOf(p.key),
            message: 'Role trust policies do not support "NotPrincipal": IAM rejects the policy. Name who may assume the role with "Principal".',
            fixes: s.el.Principal ? [fix(`Remove "${p.name}"`, removeWithRepeats(p), true)] : undefined,
          });
          continue;
        }
        ctx.report({
          ...rangeOf(p.key),
          message: `"${p.name}" is not allowed in ${KIND_NAMES[ctx.kind]}: ${ctx.kind === 'scp' ? 'AWS Organizations' : 'IAM'} rejects it. The policy applies to whatever it is attached to; remove "${p.name}".`,
          fixes: [fix(`Remove "${p.name}"`, removeWithRepeats(p), true)],
        });
      }
    }
  },
};
