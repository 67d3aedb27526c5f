/**
 * Realistic CloudTrail records for the tests, written for connect-guard (not AWS samples).
 * Account 111122223333, instance a1b2c3d4-..., documentation IP ranges (RFC 5737 / 3849).
 */
export const ACCOUNT = '111122223333';
export const INSTANCE = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';

let seq = 0;

export function assumedRole(role: string, session: string, mfa: 'true' | 'false' = 'true', path = ''): Record<string, unknown> {
  return {
    type: 'AssumedRole',
    principalId: `AROA${role.toUpperCase().slice(0, 8)}EXAMPLE:${session}`,
    arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/${session}`,
    accountId: ACCOUNT,
    accessKeyId: 'ASIAEXAMPLEKEY0001',
    sessionContext: {
      sessionIssuer: { type: 'Role', principalId: `AROA${role.toUpperCase().slice(0, 8)}EXAMPLE`, arn: `arn:aws:iam::${ACCOUNT}:role/${path}${role}`, accountId: ACCOUNT, userName: role },
      webIdFederationData: {},
      attributes: { creationDate: '2026-10-01T08:55:10Z', mfaAuthenticated: mfa },
    },
  };
}

export function iamUser(name: string, accessKeyId = 'AKIAEXAMPLELONGTERM'): Record<string, unknown> {
  return { type: 'IAMUser', principalId: 'AIDAEXAMPLEUSER0001', arn: `arn:aws:iam::${ACCOUNT}:user/${name}`, accountId: ACCOUNT, accessKeyId, userName: name };
}

export function root(): Record<string, unknown> {
  return { type: 'Root', principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT, accessKeyId: 'ASIAEXAMPLEROOT001', sessionContext: { attributes: { creationDate: '2026-10-01T07:00:00Z', mfaAuthenticated: 'true' } } };
}

/** One AwsApiCall record; `fields` override or add (undefined deletes). */
export function record(fields: Record<string, unknown> = {}): Record<string, unknown> {
  seq++;
  const rec: Record<string, unknown> = {
    eventVersion: '1.11',
    userIdentity: assumedRole('ConnectAdmin', 'dana.ops'),
    eventTime: '2026-10-01T09:14:03Z',
    eventSource: 'connect.amazonaws.com',
    eventName: 'DescribeUser',
    awsRegion: 'eu-west-2',
    sourceIPAddress: '198.51.100.24',
    userAgent: 'aws-cli/2.15.0 md/command#connect.describe-user',
    requestParameters: { InstanceId: INSTANCE, UserId: 'f1e2d3c4-0000-1111-2222-EXAMPLE22222' },
    responseElements: null,
    requestID: `0f1e2d3c-${String(seq).padStart(4, '0')}-4a5b-8c9d-EXAMPLEREQ00`,
    eventID: `9a8b7c6d-${String(seq).padStart(4, '0')}-4e3f-a2b1-EXAMPLEEVT00`,
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: 'connect.eu-west-2.amazonaws.com' },
  };
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) delete rec[k];
    else rec[k] = v;
  }
  return rec;
}

/** `{"Records": [...]}`, pretty-printed like a downloaded and formatted file. */
export function log(...records: unknown[]): string {
  return JSON.stringify({ Records: records }, null, 2);
}

/** As CloudTrail delivers it: one line. */
export function compactLog(...records: unknown[]): string {
  return JSON.stringify({ Records: records });
}

export function jsonLines(...records: unknown[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}
