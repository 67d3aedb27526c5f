import { cloudTrailRule } from '../../cloudtrail/analyse';
import { str } from '../../cloudtrail/model';
import { principalMatcher } from '../../cloudtrail/principals';
import { docRecord, reportCall } from './util';

export const emergencyAccess = cloudTrailRule(
  {
    id: 'CG4008',
    name: 'ct-emergency-access',
    defaultSeverity: 'error',
    short: 'Emergency access to the Connect admin website, or a federation sign-in by an unexpected principal',
    description:
      'Reports every `AdminGetEmergencyAccessToken` call (emergency login to the Amazon Connect admin website, bypassing the identity provider), and, when `cloudtrail.adminPrincipals` is configured, `GetFederationToken` calls to Connect by principals that are not in it.',
    kinds: ['cloudtrail'],
    tags: ['cloudtrail', 'audit', 'access-control'],
    docs: {
      rationale: 'Emergency access is for the day the identity provider is down. Each use must be explained; a use without an incident is a way around SSO and MFA. GetFederationToken is classed Read but returns sign-in credentials, so it is a login.',
      bad: docRecord({ eventName: 'AdminGetEmergencyAccessToken', requestParameters: { InstanceId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111' } }),
      good: docRecord({ eventName: 'ListInstances' }),
      fix: 'Match the use to an incident. Deny `connect:AdminGetEmergencyAccessToken` to everyone but a break-glass role (as AmazonConnectReadOnlyAccess does), and alert on it in production.',
      notes: 'A failed attempt is a warning. `ct-sensitive-connect-call` also lists emergency access as part of the complete audit trail; turn one of them off if you want a single finding.',
    },
  },
  (ctx) => {
    const patterns = ctx.settings.cloudtrail.adminPrincipals;
    const approved = patterns.length ? principalMatcher(patterns) : undefined;
    return {
      record(r) {
        if (str(r.value, 'eventSource') !== 'connect.amazonaws.com') return;
        const name = str(r.value, 'eventName');
        if (name === 'AdminGetEmergencyAccessToken') {
          const failed = str(r.value, 'errorCode');
          reportCall(ctx, r, failed ? `Attempted emergency access to the Connect admin website (failed: ${failed}): find out who tried and why` : 'Emergency access to the Connect admin website, bypassing the identity provider: match it to an incident', failed ? 'warning' : undefined);
        } else if (name === 'GetFederationToken' && approved && !approved(r.value)) {
          reportCall(ctx, r, 'Connect federation sign-in by a principal that is not in cloudtrail.adminPrincipals', 'warning');
        }
      },
    };
  },
);
