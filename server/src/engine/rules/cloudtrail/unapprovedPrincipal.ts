import { cloudTrailRule } from '../../cloudtrail/analyse';
import { isSensitive } from '../../cloudtrail/catalogue';
import { str } from '../../cloudtrail/model';
import { principalMatcher } from '../../cloudtrail/principals';
import { docRecord, reportCall } from './util';

export const unapprovedPrincipal = cloudTrailRule(
  {
    id: 'CG4003',
    name: 'ct-unapproved-principal',
    defaultSeverity: 'error',
    short: 'A sensitive Connect call by a principal that is not a configured administrator',
    description:
      'When `cloudtrail.adminPrincipals` is configured, reports sensitive Amazon Connect calls made by any other principal. Patterns are ARNs with IAM wildcards or role session names; ' +
      'a session `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION` matches patterns written for the role `arn:aws:iam::ACCOUNT:role/ROLE`. Silent when nothing is configured.',
    kinds: ['cloudtrail'],
    tags: ['cloudtrail', 'audit', 'access-control'],
    docs: {
      rationale:
        'Service administration (instances, users, security profiles) belongs to a small, named set of roles protected by MFA. A developer or application role changing users or security profiles is either a policy that grants too much or a compromised credential.',
      bad: '// .connectguard.json: { "cloudtrail": { "adminPrincipals": ["arn:aws:iam::111122223333:role/ConnectAdmin"] } }\n' +
        docRecord({ eventName: 'CreateUser', userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/FlowDeveloper/sam.dev', accountId: '111122223333', sessionContext: { sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/FlowDeveloper' }, attributes: { mfaAuthenticated: 'true' } } } }),
      good: '// .connectguard.json: { "cloudtrail": { "adminPrincipals": ["arn:aws:iam::111122223333:role/ConnectAdmin"] } }\n' + docRecord({ eventName: 'CreateUser' }),
      fix: 'Find out why the principal could make the call: remove the permission from its policy (see the persona templates), or, if the caller is a legitimate administrator, add its role ARN or session name to `cloudtrail.adminPrincipals`.',
      notes: 'Role ARNs from sessionIssuer include the role path (`role/ops/ConnectAdmin`); the ARN derived from the session ARN has no path. A pattern matches if it matches either.',
    },
  },
  (ctx) => {
    const patterns = ctx.settings.cloudtrail.adminPrincipals;
    if (!patterns.length) return { record() {} };
    const approved = principalMatcher(patterns);
    return {
      record(r) {
        if (!isSensitive(str(r.value, 'eventSource'), str(r.value, 'eventName'))) return;
        if (approved(r.value)) return;
        reportCall(ctx, r, `Sensitive call by a principal that is not in cloudtrail.adminPrincipals: remove the permission from its policy or add it to the approved administrators`);
      },
    };
  },
);
