import { Rule, POLICY_KINDS } from '../../types';
import { conditionEntries } from '../../policy';
import { replaceNode } from '../../fixes';
import { isPrivateRange, parseOperator, scalarText } from '../../iam/conditions';
import { parseCidr } from '../../cloudtrail/cidr';
import { Node, properties } from '../../json';

export const conditionPrivateIp: Rule = {
  id: 'CG2053',
  name: 'condition-private-ip',
  defaultSeverity: 'error',
  short: 'aws:SourceIp is compared with private address ranges',
  description:
    'aws:SourceIp holds the public address a request comes from. Requests through a VPC endpoint carry no aws:SourceIp at all (their private address is in aws:VpcSourceIp), so RFC 1918 and unique-local ranges under aws:SourceIp never match: IpAddress with only private ranges never matches, NotIpAddress with only private ranges always matches, and private ranges mixed with public ones do nothing.',
  kinds: POLICY_KINDS,
  tags: ['iam', 'conditions', 'network'],
  accessAnalyzer: ['Private IP address', 'Private NotIpAddress', 'Private IP address subset', 'Private NotIpAddress subset'],
  fixable: true,
  docs: {
    rationale: 'Service administrators of Amazon Connect are often fenced to the corporate network with aws:SourceIp. Written with the office\'s private ranges (10.0.0.0/8), the Allow never applies, or a Deny guardrail with NotIpAddress denies everyone, including the break-glass path.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:UpdateSecurityProfile",\n    "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9/security-profile/*",\n    "Condition": { "IpAddress": { "aws:SourceIp": "10.0.0.0/8" } }\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:UpdateSecurityProfile",\n    "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9/security-profile/*",\n    "Condition": {\n      "IpAddress": { "aws:VpcSourceIp": "10.0.0.0/8" },\n      "StringEquals": { "aws:SourceVpce": "vpce-0a1b2c3d4e5f60718" }\n    }\n  }]\n}',
    fix: 'For traffic through VPC endpoints use aws:VpcSourceIp (paired with aws:SourceVpc or aws:SourceVpce); for traffic over the internet list the public egress ranges of the network under aws:SourceIp. When every range is private, the quick-fix renames the key to aws:VpcSourceIp.',
    notes: 'Private means RFC 1918 (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) and IPv6 unique-local (fc00::/7).',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      for (const e of conditionEntries(s)) {
        if (e.key.name.toLowerCase() !== 'aws:sourceip') continue;
        const op = parseOperator(e.operator.name);
        if (op.info?.family !== 'IpAddress') continue;
        const isPrivate = (v: Node) => {
          const c = parseCidr(scalarText(v) ?? '');
          return c ? isPrivateRange(c) : undefined;
        };
        const checked = e.values.map((v) => ({ v, p: isPrivate(v) })).filter((x) => x.p !== undefined);
        const priv = checked.filter((x) => x.p);
        if (!priv.length) continue;
        const not = op.info.negated;
        if (priv.length === checked.length && checked.length === e.values.length) {
          ctx.report({
            offset: e.key.key.offset,
            length: e.key.key.length,
            message: not
              ? 'NotIpAddress with only private ranges always matches: aws:SourceIp is a public address, or absent behind a VPC endpoint. Use aws:VpcSourceIp for private addresses.'
              : 'IpAddress with only private ranges never matches: aws:SourceIp is a public address, or absent behind a VPC endpoint. Use aws:VpcSourceIp for private addresses.',
            fixes: properties(e.operator.value).some((p) => p.name.toLowerCase() === 'aws:vpcsourceip')
              ? undefined
              : [{ title: 'Change to "aws:VpcSourceIp"', edits: [replaceNode(e.key.key, 'aws:VpcSourceIp')], preferred: true }],
          });
          continue;
        }
        for (const { v } of priv) {
          ctx.report({
            offset: v.offset,
            length: v.length,
            severity: 'info',
            message: `${scalarText(v)} is a private range, which aws:SourceIp never holds: it does nothing here. Move it to aws:VpcSourceIp in its own condition.`,
          });
        }
      }
    }
  },
};
