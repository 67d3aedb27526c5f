import { Rule, Fix } from '../../types';
import { splitAction } from '../../iam/actions';
import { NO_PRIVATELINK_PREFIXES, PRIVATELINK_PREFIXES } from '../../connect';
import { removeChildren } from '../../fixes';

function isCoreConnect(action: string): boolean {
  const parts = splitAction(action);
  return !!parts && NO_PRIVATELINK_PREFIXES.includes(parts.service.toLowerCase());
}

export const endpointConnectNoPrivatelink: Rule = {
  id: 'CG3005',
  name: 'endpoint-connect-no-privatelink',
  defaultSeverity: 'warning',
  short: 'Core Amazon Connect actions in a VPC endpoint policy control nothing',
  description:
    'The core Amazon Connect API (`connect:`) has no VPC endpoint, so no request for it ever passes through an endpoint and a `connect:` action in a VPC endpoint policy neither allows nor denies anything. Voice ID, Customer Profiles (`profile`), Cases, AppIntegrations, Wisdom and outbound campaigns do have endpoints.',
  kinds: ['endpoint'],
  tags: ['connect', 'isolation'],
  fixable: true,
  docs: {
    rationale:
      'Isolation reviews ask for the contact centre\'s API traffic to stay on private networks. Writing `connect:*` into an endpoint policy looks like such a control but is inert: calls to the Connect API go to its public endpoint and are governed only by IAM policies and SCPs. An auditor reading the policy may be misled into believing Connect calls are fenced.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Sid": "OrgOnly",\n    "Effect": "Allow",\n    "Principal": "*",\n    "Action": ["voiceid:*", "connect:*"],\n    "Resource": "*",\n    "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Sid": "OrgOnly",\n    "Effect": "Allow",\n    "Principal": "*",\n    "Action": ["voiceid:*"],\n    "Resource": "*",\n    "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }\n  }]\n}',
    fix: 'Remove the `connect:` actions (the quick-fix does this when other actions remain). To restrict where Connect API calls come from, use an SCP or identity-policy condition on `aws:SourceIp`, or analyse CloudTrail `sourceIPAddress`.',
    notes: `PrivateLink-capable Connect-family prefixes: ${PRIVATELINK_PREFIXES.map((p) => '`' + p + '`').join(', ')}. Only items whose service part is exactly \`connect\` are reported; \`*\` and \`connect*:*\` also reach services that have endpoints.`,
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      const action = s.el.Action?.value;
      // Items with their index in the array (one pass: Action lists can be very long).
      const items = action?.type === 'array'
        ? (action.children ?? []).map((node, index) => ({ node, index })).filter((i) => i.node.type === 'string')
        : action?.type === 'string' ? [{ node: action, index: -1 }] : [];
      // A repeated item is reported once (redundant-action reports the repeats).
      const seen = new Set<string>();
      const inert = items.filter((i) => {
        const v = i.node.value as string;
        if (!isCoreConnect(v) || seen.has(v)) return false;
        seen.add(v);
        return true;
      });
      // Removing every item would leave an empty Action: offer removal only while something remains.
      const canRemove = action?.type === 'array' && items.some((i) => !isCoreConnect(i.node.value as string));
      // Several in one list: the preferred fix removes them all (one fix each would overlap
      // at neighbouring items, a pass of "fix all" each); the single removals stay as choices.
      const everyInert = canRemove && inert.length > 1 ? items.filter((i) => isCoreConnect(i.node.value as string)).map((i) => i.index) : [];
      const all: Fix | undefined = everyInert.length ? { title: `Remove the ${inert.length} Connect actions`, edits: removeChildren(action!, everyInert), preferred: true } : undefined;
      // Every copy goes: removing only the reported one would leave the same finding on the next.
      const copies = new Map<string, number[]>();
      if (canRemove) {
        for (const i of items) {
          const list = copies.get(i.node.value as string);
          if (list) list.push(i.index);
          else copies.set(i.node.value as string, [i.index]);
        }
      }
      for (const item of inert) {
        const value = item.node.value as string;
        const one = (): Fix => ({ title: `Remove "${value}"`, edits: removeChildren(action!, copies.get(value)!) });
        ctx.report({
          message: `"${value}": the core Amazon Connect API has no VPC endpoint, so this action in an endpoint policy controls nothing. Remove it; restrict Connect calls with IAM policies or an SCP instead.`,
          offset: item.node.offset,
          length: item.node.length,
          fixes: !canRemove ? undefined : all ? [all, one()] : [{ ...one(), preferred: true }],
        });
      }
    }
  },
};
