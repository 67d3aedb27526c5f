import { Rule } from '../../types';
import { statementLabel } from '../../policy';
import { cap, KIND_NAMES, lacksPair, openingOf } from './util';

export const missingPrincipal: Rule = {
  id: 'CG1010',
  name: 'missing-principal',
  defaultSeverity: 'error',
  short: 'A resource-side statement has neither "Principal" nor "NotPrincipal"',
  description:
    'Resource-based policies (KMS key policies, bucket policies...), VPC endpoint policies and role trust policies are attached to the resource, so each statement must say who it applies to with "Principal". Without it the service rejects the policy.',
  kinds: ['endpoint', 'resource', 'trust'],
  tags: ['grammar'],
  accessAnalyzer: ['Missing principal'],
  docs: {
    rationale: 'Voice ID and the other PrivateLink-capable Connect services are isolated with VPC endpoint policies, and Connect data is protected by KMS key policies. Both name the principals allowed in; a statement written like an identity policy, without Principal, is rejected, so the endpoint keeps its default full-access policy.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "voiceid:DescribeDomain", "Resource": "*" }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/ConnectVoiceIdApp" }, "Action": "voiceid:DescribeDomain", "Resource": "*" }]\n}',
    fix: 'Add `"Principal"` naming the accounts, roles or services the statement applies to (for example `{ "AWS": "arn:aws:iam::111122223333:role/Name" }`).',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      if (!lacksPair(s, 'Principal', 'NotPrincipal')) continue;
      ctx.report({
        ...openingOf(s.node),
        message: `${cap(statementLabel(s))} has no "Principal": ${KIND_NAMES[ctx.kind]} must say who each statement applies to. Add "Principal": { "AWS": "<account or role ARN>" }.`,
      });
    }
  },
};
