import { Rule } from '../../types';
import { fix, replaceNode } from '../../fixes';
import { quote, rangeOf } from './util';

export const SID = /^[A-Za-z0-9]+$/;

/** "allow-read users" -> "AllowReadUsers": drops other characters, capitalising each word. */
export function cleanSid(value: string): string {
  const words = value.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

export const invalidSid: Rule = {
  id: 'CG1012',
  name: 'invalid-sid',
  defaultSeverity: 'error',
  short: '"Sid" has characters other than ASCII letters and digits',
  description:
    'IAM and AWS Organizations accept only A-Z, a-z and 0-9 in a statement "Sid": spaces, hyphens, underscores and dots are rejected. Some services (SNS, SQS, S3) accept more in their own resource policies, so the finding is a warning for resource-based and VPC endpoint policies. An empty Sid is reported by `empty-value`.',
  kinds: ['identity', 'scp', 'trust', 'resource', 'endpoint'],
  tags: ['grammar'],
  accessAnalyzer: ['Unsupported Sid'],
  fixable: true,
  docs: {
    rationale: 'Sids are how auditors trace a statement in an Amazon Connect persona policy back to a requirement ("AllowAgentReadOwnUser"). Descriptive Sids written as sentences ("allow agents to read") make IAM reject the policy.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Sid": "allow-agent read", "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Sid": "AllowAgentRead", "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" }]\n}',
    fix: 'Write the Sid in PascalCase with letters and digits only. The quick-fix drops the other characters and capitalises each word.',
    notes: 'The IAM User Guide limits Sid to ASCII letters and digits for IAM; it also says some services accept spaces in resource policies (SQS, SNS), which is why resource and endpoint policies get a warning rather than an error.',
  },
  check(ctx) {
    const used = new Set<string>();
    for (const s of ctx.policy.statements) {
      const v = s.el.Sid?.value;
      if (v?.type === 'string') used.add(v.value as string);
    }
    for (const s of ctx.policy.statements) {
      const v = s.el.Sid?.value;
      if (v?.type !== 'string') continue;
      const value = v.value as string;
      if (value === '' || SID.test(value)) continue;
      const clean = cleanSid(value);
      const fixes = clean && !used.has(clean) ? [fix(`Change to "${clean}"`, [replaceNode(v, clean)], true)] : undefined;
      used.add(clean);
      const lenient = ctx.kind === 'resource' || ctx.kind === 'endpoint';
      ctx.report({
        ...rangeOf(v),
        severity: lenient ? 'warning' : undefined,
        message: `Sid ${quote(value)} has characters other than ASCII letters and digits: ${lenient ? 'many services reject it' : 'IAM rejects it'}.${clean ? ` Use "${clean}".` : ''}`,
        fixes,
      });
    }
  },
};
