import { cloudTrailRule } from '../../cloudtrail/analyse';
import { isSensitive } from '../../cloudtrail/catalogue';
import { mfaAttribute, str, userIdentityOf } from '../../cloudtrail/model';
import { docRecord, reportCall } from './util';

export const noMfa = cloudTrailRule(
  {
    id: 'CG4004',
    name: 'ct-no-mfa',
    defaultSeverity: 'warning',
    short: 'A sensitive Connect call from a session without MFA',
    description:
      'Reports sensitive Amazon Connect calls whose session has `mfaAuthenticated` "false" (a console session without MFA is called out as such), and calls signed with an IAM user\'s long-term access key (`AKIA...`), which can never carry MFA.',
    kinds: ['cloudtrail'],
    tags: ['cloudtrail', 'audit', 'mfa'],
    docs: {
      rationale: 'The Connect security guidance asks for MFA on administrators. A user or security-profile change made without MFA means a stolen password or access key was enough to change who can do what in the contact centre.',
      bad: docRecord({ eventName: 'DeleteUser', sessionCredentialFromConsole: 'true', userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLEUSER', arn: 'arn:aws:iam::111122223333:user/pat.admin', accountId: '111122223333', accessKeyId: 'ASIAEXAMPLEKEY', userName: 'pat.admin', sessionContext: { attributes: { creationDate: '2026-10-01T08:55:10Z', mfaAuthenticated: 'false' } } } }),
      good: docRecord({ eventName: 'DeleteUser' }),
      fix: 'Require MFA for administrators: `aws:MultiFactorAuthPresent` in the admin role\'s trust policy, or MFA at the SAML identity provider. Replace long-term access keys of IAM users with role sessions.',
      notes: 'With SAML federation, MFA happens at the identity provider and CloudTrail writes `mfaAuthenticated` "false" for the role session: this rule cannot see IdP MFA. If your IdP enforces MFA for the admin roles, turn this rule off for those logs.',
    },
  },
  (ctx) => ({
    record(r) {
      if (!isSensitive(str(r.value, 'eventSource'), str(r.value, 'eventName'))) return;
      const mfa = mfaAttribute(r.value);
      if (mfa === 'false') {
        const console = str(r.value, 'sessionCredentialFromConsole') === 'true';
        reportCall(ctx, r, console ? 'Sensitive call from a console session without MFA: require MFA for administrators' : 'Sensitive call from a session without MFA (mfaAuthenticated "false"): require MFA for administrators');
        return;
      }
      const ui = userIdentityOf(r.value);
      if (mfa === undefined && str(ui, 'type') === 'IAMUser' && str(ui, 'accessKeyId')?.startsWith('AKIA')) {
        reportCall(ctx, r, 'Sensitive call signed with an IAM user\'s long-term access key, which cannot carry MFA: use a role session with MFA instead');
      }
    },
  }),
);
