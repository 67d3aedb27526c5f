import { Rule, POLICY_KINDS } from '../../types';
import { conditionEntries } from '../../policy';
import { parseOperator } from '../../iam/conditions';

/** Keys that identify nothing on their own, with the keys that make them meaningful. */
const PAIRS: { key: string; partners: string[]; why: string }[] = [
  {
    key: 'aws:VpcSourceIp',
    partners: ['aws:SourceVpc', 'aws:SourceVpce'],
    why: 'private ranges repeat across VPCs, so the same address in another VPC, another account\'s included, matches too',
  },
];

export const conditionPairedKeys: Rule = {
  id: 'CG2057',
  name: 'condition-paired-keys',
  defaultSeverity: 'warning',
  short: 'aws:VpcSourceIp is used without aws:SourceVpc or aws:SourceVpce',
  description:
    'aws:VpcSourceIp holds the private address of a caller that reaches AWS through a VPC endpoint. Private ranges are reused in every VPC, so on its own the condition admits callers from any VPC with an overlapping range; IAM Access Analyzer asks for aws:SourceVpc or aws:SourceVpce in the same statement.',
  kinds: POLICY_KINDS,
  tags: ['iam', 'conditions', 'network'],
  accessAnalyzer: ['Missing paired condition keys'],
  fixable: false,
  docs: {
    rationale: 'Isolation of the PrivateLink-capable Connect services (Voice ID, Customer Profiles, Cases, Wisdom) is often written as "only from our 10.0.0.0/8". Without the VPC or endpoint ID, any VPC using 10.0.0.0/8, in any account, passes the same test.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "Action": "voiceid:*",\n    "Resource": "*",\n    "Condition": { "NotIpAddressIfExists": { "aws:VpcSourceIp": "10.0.0.0/8" } }\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "Action": "voiceid:*",\n    "Resource": "*",\n    "Condition": {\n      "NotIpAddressIfExists": { "aws:VpcSourceIp": "10.0.0.0/8" },\n      "StringNotEqualsIfExists": { "aws:SourceVpce": "vpce-0a1b2c3d4e5f60718" }\n    }\n  }]\n}',
    fix: 'Add aws:SourceVpc (the VPC ID) or aws:SourceVpce (the endpoint ID) to the same statement\'s Condition.',
    notes: 'Null conditions on aws:VpcSourceIp (testing whether the call came through an endpoint at all) are not reported.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      const entries = conditionEntries(s);
      const keys = new Set(entries.map((e) => e.key.name.toLowerCase()));
      for (const e of entries) {
        const pair = PAIRS.find((p) => p.key.toLowerCase() === e.key.name.toLowerCase());
        if (!pair || pair.partners.some((k) => keys.has(k.toLowerCase()))) continue;
        if (parseOperator(e.operator.name).info?.family === 'Null') continue;
        ctx.report({
          offset: e.key.key.offset,
          length: e.key.key.length,
          message: `${e.key.name} without ${pair.partners.join(' or ')}: ${pair.why}. Add ${pair.partners.join(' or ')} to this statement.`,
        });
      }
    }
  },
};
