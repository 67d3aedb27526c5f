import { Fix, Rule, RuleContext } from '../../types';
import { Statement } from '../../policy';
import { property } from '../../json';
import { setAt } from '../../fixes';
import { broadGrants, statementPath } from './broadGrant';

const CONNECT = 'connect.amazonaws.com';

/** Adds the condition, when Condition (and its StringEquals) are absent or objects the edit can extend. */
function conditionFix(ctx: RuleContext, s: Statement): Fix[] | undefined {
  const cond = s.el.Condition?.value;
  const eq = property(cond, 'StringEquals')?.value;
  if ((cond && cond.type !== 'object') || (eq && eq.type !== 'object')) return undefined;
  const path = [...statementPath(ctx, s), s.el.Condition?.name ?? 'Condition', 'StringEquals', 'iam:AWSServiceName'];
  return [{ title: `Allow only the Amazon Connect service-linked role (iam:AWSServiceName = ${CONNECT})`, edits: setAt(ctx.text, path, CONNECT) }];
}

export const serviceLinkedRoleUnscoped: Rule = {
  id: 'CG2010',
  name: 'service-linked-role-unscoped',
  defaultSeverity: 'warning',
  short: 'iam:CreateServiceLinkedRole is allowed for every service without iam:AWSServiceName',
  description:
    'Allowing iam:CreateServiceLinkedRole (by name, through `iam:*`, `iam:Create*`, `*`, or a NotAction that does not exclude it) on "*" or through NotResource, with no `iam:AWSServiceName` condition, lets the principal create the service-linked role of any AWS service, each with the permissions AWS gives that service.',
  kinds: ['identity'],
  tags: ['iam', 'privilege-escalation'],
  accessAnalyzer: [
    'Create SLR with NotResource', 'Create SLR with star in action and NotResource', 'Create SLR with NotAction and NotResource',
    'Create SLR with star in resource', 'Create SLR with star in action and resource', 'Create SLR with star in resource and NotAction',
  ],
  fixable: true,
  docs: {
    rationale: 'Creating an Amazon Connect instance needs iam:CreateServiceLinkedRole for `connect.amazonaws.com` (the role AWSServiceRoleForAmazonConnect_<id>). AmazonConnect_FullAccess grants it only with that condition; policies written by hand often drop it and let administrators create service-linked roles for any service.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["connect:CreateInstance", "iam:CreateServiceLinkedRole"], "Resource": "*" }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "connect:CreateInstance", "Resource": "*" },\n    {\n      "Effect": "Allow",\n      "Action": "iam:CreateServiceLinkedRole",\n      "Resource": "*",\n      "Condition": { "StringEquals": { "iam:AWSServiceName": "connect.amazonaws.com" } }\n    }\n  ]\n}',
    fix: 'Add `"Condition": {"StringEquals": {"iam:AWSServiceName": "connect.amazonaws.com"}}` (the quick-fix does, for Amazon Connect) or name the service-linked role ARN. If the statement holds other actions, move CreateServiceLinkedRole to its own statement first: the condition applies to every action of the statement.',
    notes: 'Checked in identity policies, as IAM Access Analyzer does. A resource such as `arn:aws:iam::*:role/aws-service-role/*` counts as unscoped.',
  },
  check(ctx) {
    for (const g of broadGrants(ctx, 'iam:CreateServiceLinkedRole', 'iam:AWSServiceName', ['role/', 'role/aws-service-role/'])) {
      ctx.report({
        message: `iam:CreateServiceLinkedRole is allowed ${g.how} ${g.where} with no iam:AWSServiceName condition: the principal can create the service-linked role of any AWS service. Add "iam:AWSServiceName" (${CONNECT} for Amazon Connect).`,
        offset: g.offset,
        length: g.length,
        related: g.related,
        fixes: conditionFix(ctx, g.statement),
      });
    }
  },
};
