import { Rule, TextEdit } from '../../types';
import type { ActionInfo, IamData } from '../../iam/data';
import { Node, properties } from '../../json';
import { EMERGENCY_ACCESS_ACTIONS, CONNECT_PREFIX, resourceScope } from '../../connect';
import { appendItem } from './append';
import { allowGrants, itemLabel } from './util';

const ADMIN_TOKEN = 'AdminGetEmergencyAccessToken';
const WHAT: Record<string, string> = {
  AdminGetEmergencyAccessToken: 'emergency administrator login',
  GetFederationToken: 'returns Connect sign-in credentials though classed Read',
};

const cache = new WeakMap<IamData, readonly ActionInfo[]>();
function emergencyActions(iam: IamData): readonly ActionInfo[] {
  let hit = cache.get(iam);
  if (!hit) {
    hit = EMERGENCY_ACCESS_ACTIONS.map((n) => iam.action(CONNECT_PREFIX, n)).filter((a): a is ActionInfo => !!a);
    cache.set(iam, hit);
  }
  return hit;
}

export const connectEmergencyAccess: Rule = {
  id: 'CG3003',
  name: 'connect-emergency-access',
  defaultSeverity: 'error',
  short: 'Emergency administrator login or Connect federation tokens are granted broadly',
  description:
    '`connect:AdminGetEmergencyAccessToken` (emergency login as the instance administrator) or `connect:GetFederationToken` (Connect sign-in credentials) allowed through a wildcard (`connect:*`, `connect:Admin*`, `connect:Get*`, `*`), through NotAction, or on `"*"` / a wildcard instance. An unconditional Deny of the action on `"*"` in the same policy silences the finding, as in AmazonConnectReadOnlyAccess.',
  kinds: ['identity'],
  tags: ['connect', 'least-privilege', 'privilege-escalation'],
  fixable: true,
  docs: {
    rationale:
      'The emergency access login bypasses the SAML identity provider, and with it MFA and the joiner/leaver process: it signs in as the instance\'s administrator. Amazon Connect guidance is to use it only in emergencies, so it belongs to a break-glass role, never to a wildcard. `GetFederationToken` is classed Read in the IAM catalogue but returns sign-in credentials, so `connect:Get*` read-only grants hand it out; AWS\'s own AmazonConnectReadOnlyAccess pairs `connect:Get*` with an explicit Deny of the emergency token for this reason.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "ReadConnect",\n      "Effect": "Allow",\n      "Action": ["connect:Describe*", "connect:Admin*"],\n      "Resource": "*"\n    }\n  ]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "ReadConnect",\n      "Effect": "Allow",\n      "Action": ["connect:Describe*", "connect:Admin*"],\n      "Resource": "*"\n    },\n    {\n      "Sid": "DenyEmergencyAccessToken",\n      "Effect": "Deny",\n      "Action": "connect:AdminGetEmergencyAccessToken",\n      "Resource": "*"\n    }\n  ]\n}',
    fix: 'Remove the emergency actions from wildcard grants: add a Deny statement for `connect:AdminGetEmergencyAccessToken` on `"*"` (the quick-fix appends one), and give emergency access to a separate break-glass role scoped to one instance ARN. For SAML federation, allow `connect:GetFederationToken` only on the instance\'s user ARNs (`instance/<id>/user/${aws:userid}`).',
    notes: 'Naming the action explicitly on one instance ARN is not reported: that is how a break-glass role or a SAML federation role is written. Only unconditional Deny statements on `"*"` count as taking the action back.',
  },
  check(ctx) {
    for (const { statement: s, grants } of allowGrants(ctx, emergencyActions(ctx.iam))) {
      const scope = resourceScope(s);
      for (const g of grants) {
        if (!g.wildcard && !scope.broad) continue;
        const where = s.el.NotResource ? 'through NotResource' : 'on every instance';
        // One finding per action: each has its own fix, and denying federation tokens may break SAML sign-in.
        for (const a of g.actions) {
          const edits = g.wildcard ? denyStatementEdits(ctx.text, ctx.policy.statementProp?.value, a) : undefined;
          ctx.report({
            message: `${g.wildcard ? `${itemLabel(g)} grants ${a.fullName} (${WHAT[a.name]}). Deny it in this policy and grant it` : `${a.fullName} (${WHAT[a.name]}) is allowed ${where}. Grant it`} only to a ${a.name === ADMIN_TOKEN ? 'break-glass' : 'SAML federation'} role on one instance's ARN.`,
            offset: g.node.offset,
            length: g.node.length,
            fixes: edits ? [{ title: `Add a Deny statement for ${a.fullName}`, edits, preferred: a.name === ADMIN_TOKEN }] : undefined,
            data: { action: a.fullName },
          });
        }
      }
    }
  },
};

/** Appends a Deny statement to the Statement array (not offered when Statement is a single object). */
function denyStatementEdits(text: string, statementArray: Node | undefined, action: ActionInfo): TextEdit[] | undefined {
  if (statementArray?.type !== 'array') return undefined;
  const sids = new Set<string>();
  for (const st of statementArray.children ?? []) {
    const sid = properties(st).find((p) => p.name === 'Sid')?.value?.value;
    if (typeof sid === 'string') sids.add(sid);
  }
  const base = `Deny${action.name.replace(/^(Admin)?Get/, '')}`;
  let sid = base;
  for (let i = 2; sids.has(sid); i++) sid = `${base}${i}`;
  return appendItem(text, statementArray, { Sid: sid, Effect: 'Deny', Action: action.fullName, Resource: '*' });
}
