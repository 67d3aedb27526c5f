import { Rule, PolicyKind } from '../../types';
import { openingOf } from './util';

export const DEFAULT_TRUST_QUOTA = 2048;
export const MAX_TRUST_QUOTA = 4096;

/**
 * Length without JSON whitespace outside strings: what IAM counts for its quotas.
 * Spaces inside string values are part of the policy and count.
 */
export function sizeWithoutWhitespace(text: string): number {
  let n = 0;
  let inString = false;
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      n++;
      if (c === 92 /* \ */ && i + 1 < text.length) {
        n++;
        i++;
      } else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    n++;
    if (c === 34) inString = true;
  }
  return n;
}

interface Quota {
  limit: number;
  whitespace: boolean;
  what: string;
}

function quotaFor(kind: PolicyKind, trustQuota: number | undefined): Quota {
  switch (kind) {
    case 'identity': return { limit: 6144, whitespace: false, what: 'the managed policy quota' };
    case 'scp': return { limit: 5120, whitespace: false, what: 'the SCP quota' };
    case 'endpoint': return { limit: 20480, whitespace: true, what: 'the VPC endpoint policy quota' };
    case 'trust': {
      const configured = trustQuota !== undefined && Number.isFinite(trustQuota) && trustQuota > 0 ? Math.min(Math.floor(trustQuota), MAX_TRUST_QUOTA) : undefined;
      return { limit: configured ?? DEFAULT_TRUST_QUOTA, whitespace: false, what: configured ? 'the role trust policy quota set in trustPolicyQuota' : `the default role trust policy quota (raisable to ${MAX_TRUST_QUOTA.toLocaleString('en-US')}; set trustPolicyQuota if yours is)` };
    }
    case 'resource': return { limit: 20480, whitespace: true, what: 'a conservative resource policy quota (it varies by service: S3 bucket policies 20 KB, KMS key policies 32 KB)' };
  }
}

const fmt = (n: number) => n.toLocaleString('en-US');

export const policySize: Rule = {
  id: 'CG1015',
  name: 'policy-size',
  defaultSeverity: 'error',
  short: 'The policy is longer than its kind\'s size quota',
  description:
    'Each policy kind has a length quota: managed identity policies 6,144 characters and SCPs 5,120, both counted without whitespace outside strings; VPC endpoint policies 20,480 characters including whitespace; role trust policies 2,048 by default (raisable to 4,096, set `trustPolicyQuota`); resource-based policies vary by service (20,480 including whitespace is used as a conservative default, reported as a warning). The message gives the measured size and the limit.',
  kinds: ['identity', 'scp', 'endpoint', 'resource', 'trust'],
  tags: ['grammar'],
  accessAnalyzer: ['Policy size exceeds identity policy quota', 'Policy size exceeds resource policy quota', 'Policy size exceeds role trust policy quota', 'Policy size exceeds SCP quota'],
  docs: {
    rationale: 'Amazon Connect has about 370 actions; least-privilege persona policies that list actions one by one, and SCP guardrail sets that deny many of them, grow past the quota quickly. The API then rejects the policy at deployment time, often in a pipeline long after review. Knowing the size while editing lets you split the policy or use documented wildcards (`connect:Describe*`) in time.',
    bad: '// saved as guardrail.scp.json\n{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "Action": "connect:DeleteInstance",\n    "Resource": "*",\n    "Condition": { "StringNotLike": { "aws:PrincipalArn": [' + Array.from({ length: 80 }, (_, i) => `"arn:aws:iam::111122223333:role/ConnectBreakGlassAdministrator${String(i).padStart(2, '0')}"`).join(', ') + '] } }\n  }]\n}',
    good: '// saved as guardrail.scp.json\n{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "Action": "connect:DeleteInstance",\n    "Resource": "*",\n    "Condition": { "StringNotLike": { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/ConnectBreakGlassAdministrator*" } }\n  }]\n}',
    fix: 'Split the policy (an identity can have several managed policies; an account several SCPs), replace long action lists with documented wildcards that still grant only what the persona needs, or collapse principal and resource lists into patterns. Do not pad with whitespace: identity policies and SCPs are measured without it.',
    notes: 'AWS documents disagree on the SCP quota: the Organizations quota page says 5,120 characters, other pages say bytes, and whether whitespace counts depends on whether the SCP is created in the console or through the API (the console minifies). connect-guard measures SCPs like identity policies, without whitespace outside strings, and says so in the message; characters U+0080 to U+00FF take two bytes each in UTF-8, so a byte-counted limit is reached sooner. Inline identity policies have other, aggregate quotas (2,048 for a user, 10,240 for a role, 5,120 for a group) that a single file cannot measure; the 6,144 managed-policy quota is checked. Resource policy quotas vary by service; 20,480 characters is used as a conservative default.',
  },
  check(ctx) {
    const root = ctx.json.root;
    if (!root || ctx.kind === 'cloudtrail') return;
    const q = quotaFor(ctx.kind, ctx.settings.trustPolicyQuota);
    // Either size is at most the length (less a BOM): short texts need no count.
    if (ctx.text.length - (ctx.text.charCodeAt(0) === 0xfeff ? 1 : 0) <= q.limit) return;
    const size = q.whitespace ? ctx.text.length - (ctx.text.charCodeAt(0) === 0xfeff ? 1 : 0) : sizeWithoutWhitespace(ctx.text);
    if (size <= q.limit) return;
    const how = q.whitespace ? 'characters including whitespace' : 'characters without whitespace outside strings';
    ctx.report({
      ...openingOf(root),
      severity: ctx.kind === 'resource' ? 'warning' : undefined,
      message: `The policy is ${fmt(size)} ${how}, over ${q.what} of ${fmt(q.limit)}: the API rejects it. Split it or replace long lists with patterns.`,
      data: { size, limit: q.limit },
    });
  },
};
