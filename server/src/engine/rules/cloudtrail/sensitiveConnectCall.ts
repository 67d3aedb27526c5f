import { cloudTrailRule } from '../../cloudtrail/analyse';
import { sensitiveApi, CONNECT_FAMILY_SOURCES } from '../../cloudtrail/catalogue';
import { str } from '../../cloudtrail/model';
import { docRecord, reportCall } from './util';

export const sensitiveConnectCall = cloudTrailRule(
  {
    id: 'CG4002',
    name: 'ct-sensitive-connect-call',
    defaultSeverity: 'warning',
    short: 'A call that changes who can do what in Amazon Connect, or whether the instance exists',
    description:
      'Reports each call to a sensitive API of the Amazon Connect family: instance creation and deletion, user creation, deletion and `UpdateUser*`, security profile changes, integration associations, storage configuration, ' +
      'emergency access and federation sign-in, and Voice ID / Customer Profiles / Cases domain changes. Severity depends on the API: `DeleteInstance` and domain deletions are errors. ' +
      'The event source and the event name are matched together: IAM\'s `CreateUser` is not Connect\'s.',
    kinds: ['cloudtrail'],
    tags: ['cloudtrail', 'audit', 'connect'],
    docs: {
      rationale:
        'No Connect action is classed "Permissions management" in IAM, so generic tools do not treat these calls as privilege changes. Auditors ask who created, deleted or changed users, security profiles, instances and integrations: ' +
        'this rule lists exactly those calls, with the caller, time and source address, so they can be matched to approved changes.',
      bad: docRecord({ eventName: 'UpdateUserSecurityProfiles', requestParameters: { InstanceId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111', UserId: 'f1e2d3c4-0000-1111-2222-EXAMPLE22222', SecurityProfileIds: ['b2c3d4e5-1111-2222-3333-EXAMPLE33333'] } }),
      good: docRecord({ eventName: 'DescribeUser', readOnly: true }),
      fix: 'Match each finding to an approved change (ticket, change window). Unexpected ones: revert the change, rotate the caller\'s credentials, and restrict the API with an SCP or a permissions boundary. Turn findings off per API by setting the rule to `off` and using the narrower rules (`ct-unapproved-principal`, `ct-no-mfa`).',
      notes: 'A failed attempt (the record has an errorCode) is reported too, as a warning for error-level APIs. The catalogue is `SENSITIVE_APIS` in `server/src/engine/cloudtrail/catalogue.ts`. Which admin-website edits reach CloudTrail has changed over time; public API calls are always logged.',
    },
  },
  (ctx) => ({
    record(r) {
      const source = str(r.value, 'eventSource');
      const api = sensitiveApi(source, str(r.value, 'eventName'));
      if (!api || !source) return;
      const failed = str(r.value, 'errorCode');
      const what = `${CONNECT_FAMILY_SOURCES[source]} ${str(r.value, 'eventName')} ${api.why}`;
      reportCall(ctx, r, failed ? `Attempted sensitive call failed with ${failed}: ${what}` : `Sensitive call: ${what}`, failed && api.severity === 'error' ? 'warning' : api.severity, { category: api.category });
    },
  }),
);
