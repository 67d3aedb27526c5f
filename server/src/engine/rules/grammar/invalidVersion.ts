import { Rule, POLICY_KINDS } from '../../types';
import { fix, replaceNode } from '../../fixes';
import { quote, rangeOf } from './util';

export const CURRENT_VERSION = '2012-10-17';
export const OLD_VERSION = '2008-10-17';

export const invalidVersion: Rule = {
  id: 'CG1003',
  name: 'invalid-version',
  defaultSeverity: 'error',
  short: '"Version" is not "2012-10-17"',
  description:
    'IAM accepts two policy language versions: "2012-10-17" (current) and "2008-10-17" (old, without policy variables). Any other string, such as the date the policy was written, is rejected. "2008-10-17" is accepted but reported as a warning because variables such as ${aws:userid} stay literal under it. A Version that is not a string is reported by `invalid-type`.',
  kinds: POLICY_KINDS,
  tags: ['grammar'],
  accessAnalyzer: ['Invalid version'],
  fixable: true,
  docs: {
    rationale: 'Teams often put the authoring date in `Version`; IAM, AWS Organizations and the VPC endpoint API reject the policy and the Amazon Connect deployment fails late, in the pipeline. Policies copied from old samples carry "2008-10-17": they deploy, but the `${aws:userid}` variable that Connect SAML federation uses to scope agents to their own user is never substituted, so the statement silently matches nothing.',
    bad: '{\n  "Version": "2024-05-01",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" }]\n}',
    fix: 'Set `"Version": "2012-10-17"`. It is a language version, not a date of your policy. The quick-fix does this.',
  },
  check(ctx) {
    const v = ctx.policy.version?.value;
    if (!v || v.type !== 'string') return;
    const value = v.value as string;
    if (value === CURRENT_VERSION) return;
    const fixes = [fix(`Change to "${CURRENT_VERSION}"`, [replaceNode(v, CURRENT_VERSION)], true)];
    if (value === OLD_VERSION) {
      ctx.report({
        ...rangeOf(v),
        severity: 'warning',
        message: `"${OLD_VERSION}" is the old policy language: policy variables such as \${aws:userid} are not substituted. Use "${CURRENT_VERSION}".`,
        fixes,
      });
      return;
    }
    ctx.report({
      ...rangeOf(v),
      message: `${quote(value)} is not a policy language version: IAM accepts only "${CURRENT_VERSION}" (or the old "${OLD_VERSION}"). It is not the date of your policy; use "${CURRENT_VERSION}".`,
      fixes,
    });
  },
};
