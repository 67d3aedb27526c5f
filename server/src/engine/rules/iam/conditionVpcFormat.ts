import { Rule, POLICY_KINDS, Fix } from '../../types';
import { conditionEntries } from '../../policy';
import { properties } from '../../json';
import { fix, replaceNode } from '../../fixes';
import { hasPolicyVariable, hasValueWildcard, parseOperator, scalarText } from '../../iam/conditions';

const KEYS: Record<string, { id: string; what: string; other: string; otherKey: string }> = {
  'aws:sourcevpc': { id: 'vpc', what: 'VPC ID', other: 'vpce', otherKey: 'aws:SourceVpce' },
  'aws:sourcevpce': { id: 'vpce', what: 'VPC endpoint ID', other: 'vpc', otherKey: 'aws:SourceVpc' },
};

/** `vpc-` / `vpce-` followed by 8 or 17 lower-case alphanumerics, as AWS issues them. */
function isId(prefix: string, s: string): boolean {
  if (!s.startsWith(prefix + '-')) return false;
  const rest = s.slice(prefix.length + 1);
  return (rest.length === 8 || rest.length === 17) && /^[a-z0-9]+$/.test(rest);
}

export const conditionVpcFormat: Rule = {
  id: 'CG2054',
  name: 'condition-vpc-format',
  defaultSeverity: 'error',
  short: 'aws:SourceVpc or aws:SourceVpce holds a value that is not a VPC or endpoint ID',
  description:
    'aws:SourceVpc holds a VPC ID (`vpc-` and 8 or 17 characters) and aws:SourceVpce a VPC endpoint ID (`vpce-` and 8 or 17 characters). Any other value never matches: an Allow fenced this way grants nothing, and a Deny with StringNotEquals denies every call, including those through the endpoint.',
  kinds: POLICY_KINDS,
  tags: ['iam', 'conditions', 'network'],
  accessAnalyzer: ['Invalid vpc format', 'Invalid vpce format'],
  fixable: true,
  docs: {
    rationale: 'Isolation guardrails for the PrivateLink-capable Connect services (Voice ID, Customer Profiles, Cases, Wisdom, AppIntegrations, outbound campaigns) pin calls to an endpoint with aws:SourceVpce. A truncated ID, an ARN, or an endpoint ID under aws:SourceVpc silently breaks the fence.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "Action": "voiceid:*",\n    "Resource": "*",\n    "Condition": { "StringNotEquals": { "aws:SourceVpc": "vpce-0a1b2c3d4e5f60718" } }\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "Action": "voiceid:*",\n    "Resource": "*",\n    "Condition": { "StringNotEquals": { "aws:SourceVpce": "vpce-0a1b2c3d4e5f60718" } }\n  }]\n}',
    fix: 'Copy the ID from the VPC console (`vpc-...` for aws:SourceVpc, `vpce-...` for aws:SourceVpce). The quick-fix lower-cases an ID written with capitals and moves an endpoint ID to aws:SourceVpce (or a VPC ID to aws:SourceVpc).',
    notes: 'Values with wildcards or policy variables are not checked.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      for (const e of conditionEntries(s)) {
        const spec = KEYS[e.key.name.toLowerCase()];
        if (!spec) continue;
        const op = parseOperator(e.operator.name);
        if (op.info?.family !== 'String') continue;
        for (const v of e.values) {
          const text = scalarText(v);
          if (text === undefined || hasPolicyVariable(text) || hasValueWildcard(text) || isId(spec.id, text)) continue;
          let message = `"${text}" is not a ${spec.what} (\`${spec.id}-\` and 8 or 17 lower-case letters and digits): the condition never matches it.`;
          const fixes: Fix[] = [];
          if (isId(spec.id, text.toLowerCase())) {
            message = `${spec.what}s are lower case and ${e.operator.name} compares case-sensitively: "${text}" never matches. Write "${text.toLowerCase()}".`;
            fixes.push(fix(`Change to "${text.toLowerCase()}"`, [replaceNode(v, text.toLowerCase())], true));
          } else if (isId(spec.other, text.toLowerCase())) {
            message = `"${text}" is a ${KEYS[spec.otherKey.toLowerCase()].what}, which ${e.key.name} never holds: use ${spec.otherKey}.`;
            const taken = properties(e.operator.value).some((p) => p.name.toLowerCase() === spec.otherKey.toLowerCase());
            if (e.values.length === 1 && text === text.toLowerCase() && !taken) fixes.push(fix(`Change the key to "${spec.otherKey}"`, [replaceNode(e.key.key, spec.otherKey)], true));
          }
          ctx.report({ offset: v.offset, length: v.length, message, fixes });
        }
      }
    }
  },
};
