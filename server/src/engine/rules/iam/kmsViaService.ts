import { Rule, RuleContext, POLICY_KINDS } from '../../types';
import { conditionEntries } from '../../policy';
import { Node } from '../../json';
import { fix, replaceNode } from '../../fixes';
import { hasPolicyVariable, hasValueWildcard, parseOperator, scalarText } from '../../iam/conditions';

const REGION = /^[a-z]{2}-[a-z-]+-\d{1,2}$/;
const VOICEID_DOMAIN_KEY = 'kms:encryptioncontext:aws:voiceid:domain:arn';

/** `voiceid.eu-west-2.amazonaws.com` (or `.amazonaws.com.cn`): service, then Region. */
function viaServiceShape(s: string): 'ok' | 'no-region' | 'bad' {
  const parts = s.split('.');
  const china = parts.length === 5 && parts[4] === 'cn';
  const n = china ? 4 : parts.length;
  if (n < 3 || parts[n - 2] !== 'amazonaws' || parts[n - 1] !== 'com' || !/^[a-z0-9-]+$/.test(parts[0])) return 'bad';
  if (n === 3) return 'no-region';
  return n === 4 && REGION.test(parts[1]) ? 'ok' : 'bad';
}

function isVoiceIdDomainArn(s: string): boolean {
  const f = s.split(':');
  return f.length === 6 && f[0] === 'arn' && /^aws(-cn|-us-gov)?$/.test(f[1]) && f[2] === 'voiceid' && REGION.test(f[3]) && /^\d{12}$/.test(f[4]) && /^domain\/[A-Za-z0-9]+$/.test(f[5]);
}

/** The single Region named by ARNs anywhere in the policy, when there is exactly one. */
function policyRegion(ctx: RuleContext): string | undefined {
  const regions = new Set<string>();
  const visit = (n: Node | undefined): void => {
    if (!n) return;
    if (n.type === 'string') {
      const f = (n.value as string).split(':');
      if (f[0] === 'arn' && f.length > 4 && REGION.test(f[3])) regions.add(f[3]);
    }
    for (const c of n.children ?? []) visit(c);
  };
  visit(ctx.policy.root);
  return regions.size === 1 ? [...regions][0] : undefined;
}

export const kmsViaService: Rule = {
  id: 'CG2056',
  name: 'kms-via-service',
  defaultSeverity: 'error',
  short: 'kms:ViaService or the Voice ID encryption context key holds a value of the wrong shape',
  description:
    'kms:ViaService holds the endpoint of the service calling KMS for the principal, `service.<region>.amazonaws.com` (for Voice ID, `voiceid.eu-west-2.amazonaws.com`). `voiceid.amazonaws.com` is the service principal, not an endpoint, and never matches. The Voice ID encryption context key `kms:EncryptionContext:aws:voiceid:domain:arn` holds a Voice ID domain ARN.',
  kinds: POLICY_KINDS,
  tags: ['iam', 'conditions', 'kms', 'voiceid', 'data-protection'],
  accessAnalyzer: ['Invalid service principal format'],
  fixable: true,
  docs: {
    rationale: 'Voice ID encrypts voiceprints and speaker data with a customer managed KMS key; its key policy lets Connect users use the key only through Voice ID (kms:ViaService) and only for their domain (encryption context). A value without the Region never matches: Voice ID cannot use the key and the domain stops working, or a Deny meant to fence the key never fires.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "AWS": "arn:aws:iam::111122223333:role/ConnectAdmin" },\n    "Action": ["kms:Decrypt", "kms:GenerateDataKey"],\n    "Resource": "*",\n    "Condition": {\n      "StringEquals": {\n        "kms:ViaService": "voiceid.amazonaws.com",\n        "kms:EncryptionContext:aws:voiceid:domain:arn": "arn:aws:voiceid:eu-west-2:111122223333:domain/UrXhGpC6GHWJdDmtXYPCuF"\n      }\n    }\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "AWS": "arn:aws:iam::111122223333:role/ConnectAdmin" },\n    "Action": ["kms:Decrypt", "kms:GenerateDataKey"],\n    "Resource": "*",\n    "Condition": {\n      "StringEquals": {\n        "kms:ViaService": "voiceid.eu-west-2.amazonaws.com",\n        "kms:EncryptionContext:aws:voiceid:domain:arn": "arn:aws:voiceid:eu-west-2:111122223333:domain/UrXhGpC6GHWJdDmtXYPCuF"\n      }\n    }\n  }]\n}',
    fix: 'Write the endpoint with its Region: `voiceid.<region>.amazonaws.com`. When the policy\'s ARNs name exactly one Region, the quick-fix inserts it. Use the domain ARN from `voiceid:DescribeDomain` as the encryption context value.',
    notes: 'Checked in every policy kind: key policies, and identity policies or SCPs that grant or fence KMS use through Voice ID. Values with wildcards (`voiceid.*.amazonaws.com` under StringLike) or policy variables are not checked. China Regions end in `.amazonaws.com.cn`.',
  },
  check(ctx) {
    let region: string | undefined | null = null;
    for (const s of ctx.policy.statements) {
      for (const e of conditionEntries(s)) {
        const key = e.key.name.toLowerCase();
        if (key !== 'kms:viaservice' && key !== VOICEID_DOMAIN_KEY) continue;
        if (parseOperator(e.operator.name).info?.family !== 'String') continue;
        for (const v of e.values) {
          const text = scalarText(v);
          if (text === undefined || hasPolicyVariable(text) || hasValueWildcard(text)) continue;
          if (key === VOICEID_DOMAIN_KEY) {
            if (!isVoiceIdDomainArn(text)) {
              ctx.report({ offset: v.offset, length: v.length, message: `"${text}" is not a Voice ID domain ARN (arn:aws:voiceid:<region>:<account>:domain/<domain-id>): Voice ID puts the domain ARN in the encryption context, so this never matches.` });
            }
            continue;
          }
          const shape = viaServiceShape(text);
          if (shape === 'ok') continue;
          if (shape === 'no-region') {
            if (region === null) region = policyRegion(ctx);
            const name = text.split('.')[0];
            const to = region ? `${name}.${region}.amazonaws.com` : undefined;
            ctx.report({
              offset: v.offset,
              length: v.length,
              message: `kms:ViaService names a Regional endpoint, not a service principal: "${text}" never matches. Write "${name}.<region>.amazonaws.com"${to ? ` ("${to}")` : ''}.`,
              fixes: to ? [fix(`Change to "${to}"`, [replaceNode(v, to)], true)] : undefined,
            });
          } else {
            ctx.report({ offset: v.offset, length: v.length, message: `"${text}" is not a service endpoint: kms:ViaService values are shaped "service.<region>.amazonaws.com" (e.g. "voiceid.eu-west-2.amazonaws.com").` });
          }
        }
      }
    }
  },
};
