import { RuleContext, Severity } from '../../types';
import { RecordView } from '../../cloudtrail/analyse';
import { describeCall } from '../../cloudtrail/model';

/**
 * Reports a finding about one call: range on the record's eventName value, related
 * information on userIdentity, and `data` with principal, API, time and source IP.
 */
export function reportCall(ctx: RuleContext, r: RecordView, message: string, severity?: Severity, extra: Record<string, string | number | boolean> = {}): void {
  const identity = r.identity;
  const anchor = r.anchor;
  ctx.report({
    message: `${message} (${describeCall(r.data)})`,
    offset: anchor.offset,
    length: anchor.length,
    severity,
    related: identity ? [{ ...identity, message: `Caller: ${r.data.principal}` }] : undefined,
    data: { ...r.data, ...extra },
  });
}

/** A realistic record for docs: `{"Records": [ ... ]}` around one Connect call. */
export function docRecord(fields: Record<string, unknown>): string {
  const rec = {
    eventVersion: '1.11',
    userIdentity: {
      type: 'AssumedRole',
      principalId: 'AROAEXAMPLEID:dana.ops',
      arn: 'arn:aws:sts::111122223333:assumed-role/ConnectAdmin/dana.ops',
      accountId: '111122223333',
      sessionContext: {
        sessionIssuer: { type: 'Role', principalId: 'AROAEXAMPLEID', arn: 'arn:aws:iam::111122223333:role/ConnectAdmin', accountId: '111122223333', userName: 'ConnectAdmin' },
        attributes: { creationDate: '2026-10-01T08:55:10Z', mfaAuthenticated: 'true' },
      },
    },
    eventTime: '2026-10-01T09:14:03Z',
    eventSource: 'connect.amazonaws.com',
    eventName: 'DescribeUser',
    awsRegion: 'eu-west-2',
    sourceIPAddress: '198.51.100.24',
    userAgent: 'aws-cli/2.15.0',
    requestParameters: { InstanceId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111' },
    responseElements: null,
    requestID: 'req-0001',
    eventID: 'evt-0001',
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
    ...fields,
  };
  return JSON.stringify({ Records: [rec] }, null, 2);
}
