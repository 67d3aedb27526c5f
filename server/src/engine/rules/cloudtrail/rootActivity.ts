import { cloudTrailRule } from '../../cloudtrail/analyse';
import { isConnectFamily } from '../../cloudtrail/catalogue';
import { str, userIdentityOf } from '../../cloudtrail/model';
import { docRecord, reportCall } from './util';

export const rootActivity = cloudTrailRule(
  {
    id: 'CG4005',
    name: 'ct-root-activity',
    defaultSeverity: 'error',
    short: 'The account root user called an Amazon Connect API',
    description: 'Reports every call by the root user to the Amazon Connect family (connect, voiceid, wisdom/qconnect, profile, cases, app-integrations, connect-campaigns), read or write.',
    kinds: ['cloudtrail'],
    tags: ['cloudtrail', 'audit', 'access-control'],
    docs: {
      rationale: 'The root user bypasses every identity policy and permissions boundary (SCPs aside) and cannot be scoped to a persona. Contact-centre administration never needs it; any use is either a break-glass event to document or a compromise.',
      bad: docRecord({ eventName: 'ListInstances', userIdentity: { type: 'Root', principalId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333', accessKeyId: 'ASIAEXAMPLEROOT', sessionContext: { attributes: { creationDate: '2026-10-01T08:55:10Z', mfaAuthenticated: 'true' } } } }),
      good: docRecord({ eventName: 'ListInstances' }),
      fix: 'Use an administrator role instead. Confirm the root use with the account owner, rotate the root password and MFA device if it was not planned, and deny Connect actions to root in member accounts with an SCP.',
    },
  },
  (ctx) => ({
    record(r) {
      if (str(userIdentityOf(r.value), 'type') !== 'Root' || !isConnectFamily(str(r.value, 'eventSource'))) return;
      reportCall(ctx, r, 'The root user called an Amazon Connect API: administer Connect with a role, never with root');
    },
  }),
);
