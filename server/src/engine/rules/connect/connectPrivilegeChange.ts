import { Rule } from '../../types';
import { isEmergencyAccess, listActions, narrowingConditionKey, privilegeChangeActions, resourceScope } from '../../connect';
import type { ActionInfo, IamData } from '../../iam/data';
import { allowGrants, itemLabel, scopeWords } from './util';

const candidatesCache = new WeakMap<IamData, readonly ActionInfo[]>();
/** Emergency login and federation tokens are connect-emergency-access's: one finding per concern. */
function candidates(iam: IamData): readonly ActionInfo[] {
  let hit = candidatesCache.get(iam);
  if (!hit) {
    hit = privilegeChangeActions(iam).filter((a) => !isEmergencyAccess(a));
    candidatesCache.set(iam, hit);
  }
  return hit;
}

export const connectPrivilegeChange: Rule = {
  id: 'CG3002',
  name: 'connect-privilege-change',
  defaultSeverity: 'warning',
  short: 'Actions that change who can do what in Amazon Connect are allowed on every instance without a narrowing condition',
  description:
    'Allow of Amazon Connect actions that change privileges inside Connect (create, delete and update users, including their security profiles, routing profile and hierarchy; create, update and delete security profiles; create and delete instances; create and delete integration associations) on `"*"`, on a wildcard instance, or through NotResource, with no condition that narrows it (aws:ResourceTag/..., aws:RequestTag/..., aws:PrincipalTag/..., connect:InstanceId, connect:UserArn, aws:MultiFactorAuthPresent, aws:SourceIp, aws:SourceVpc(e)). Error when Resource is `"*"` and the statement has no Condition at all; warning otherwise. Wildcards are expanded with the IAM data.',
  kinds: ['identity'],
  tags: ['connect', 'least-privilege', 'privilege-escalation'],
  docs: {
    rationale:
      'Inside Amazon Connect, security profiles are the permission system: whoever can call `UpdateUserSecurityProfiles` or `UpdateSecurityProfile` can make themselves an administrator of the contact centre, and `CreateUser` adds a new sign-in. None of these actions is classed "Permissions management" in the IAM catalogue (they are plain Write), so generic IAM linters and Access Analyzer do not treat them as privilege changes. The guidance for regulated contact centres is to give them to the service-administrator persona only, scoped to its instance and protected by MFA and tag conditions.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Sid": "ManageAgents",\n    "Effect": "Allow",\n    "Action": ["connect:DescribeUser", "connect:UpdateUserSecurityProfiles"],\n    "Resource": "*"\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Sid": "ManageAgents",\n    "Effect": "Allow",\n    "Action": ["connect:DescribeUser", "connect:UpdateUserSecurityProfiles"],\n    "Resource": [\n      "arn:aws:connect:eu-west-2:111122223333:instance/9f3c4e1a-7b2d-4c5e-8f90-1a2b3c4d5e6f/agent/*",\n      "arn:aws:connect:eu-west-2:111122223333:instance/9f3c4e1a-7b2d-4c5e-8f90-1a2b3c4d5e6f/security-profile/*"\n    ],\n    "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "true" } }\n  }]\n}',
    fix: 'Scope Resource to the ARNs of one instance (`arn:aws:connect:<region>:<account>:instance/<id>/agent/*`, `.../security-profile/*`), or add a condition: `aws:ResourceTag/<key>` on the users and profiles the role may manage, `aws:MultiFactorAuthPresent` for administrators, `connect:InstanceId` for instance-level calls. No automatic fix: the instance and the tags are yours to choose.',
    notes: 'The privilege-changing set follows the product\'s domain brief: `CreateUser`, `DeleteUser`, every `UpdateUser*` action in the IAM data, `Create/Update/DeleteSecurityProfile`, `Create/DeleteInstance`, `Create/DeleteIntegrationAssociation`. `AdminGetEmergencyAccessToken` and `GetFederationToken` belong to the set too but are reported by connect-emergency-access. A condition is judged by its key only; an odd operator (for example `"Bool": {"aws:MultiFactorAuthPresent": "false"}`) still silences the rule. Actions denied by an unconditional Deny on `"*"` in the same policy are not counted.',
  },
  check(ctx) {
    for (const { statement: s, grants } of allowGrants(ctx, candidates(ctx.iam))) {
      const scope = resourceScope(s);
      if (!scope.broad || narrowingConditionKey(s)) continue;
      const severity = scope.star && !s.el.Condition ? 'error' : 'warning';
      const where = scopeWords(scope, s);
      const fixHint = 'Scope Resource to one instance\'s ARNs, or add a condition such as aws:ResourceTag/..., connect:InstanceId or aws:MultiFactorAuthPresent.';
      for (const g of grants) {
        const n = g.actions.length;
        const head = g.wildcard
          ? `${itemLabel(g)} includes ${n} Amazon Connect privilege change${n === 1 ? '' : 's'} (${listActions(g.actions)})`
          : `${itemLabel(g)} changes who can do what in Amazon Connect`;
        ctx.report({
          message: `${head}, allowed ${where} with no narrowing condition. ${fixHint}`,
          offset: g.node.offset,
          length: g.node.length,
          severity,
          data: { privilegeActions: n },
        });
      }
    }
  },
};
