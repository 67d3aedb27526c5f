import * as fs from 'fs';
import * as path from 'path';
import type { DocumentKind } from '../../../server/src/engine';

/** Repository root, from out/test/property/support. */
export const ROOT = path.resolve(__dirname, '../../../..');

export interface Seed {
  name: string;
  kind: DocumentKind;
  text: string;
}

const P = (o: unknown) => JSON.stringify(o, null, 2);

/** Valid documents of every kind, written for these tests (examples/ is added when present). */
const OWN: Seed[] = [
  {
    name: 'identity admin with MFA and tags',
    kind: 'identity',
    text: P({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AdminUsers',
          Effect: 'Allow',
          Action: ['connect:CreateUser', 'connect:UpdateUserSecurityProfiles', 'connect:Describe*', 'connect:List*'],
          Resource: ['arn:aws:connect:eu-west-2:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333', 'arn:aws:connect:eu-west-2:111122223333:instance/a1b2c3d4-5678-90ab-cdef-111122223333/agent/*'],
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, StringEquals: { 'aws:ResourceTag/Role': 'Admin' } },
        },
        { Sid: 'NoEmergency', Effect: 'Deny', Action: 'connect:AdminGetEmergencyAccessToken', Resource: '*' },
        { Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::audit/*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Team'] } } },
      ],
    }),
  },
  {
    name: 'scp deny delete instance',
    kind: 'scp',
    text: P({
      Version: '2012-10-17',
      Statement: { Sid: 'DenyDelete', Effect: 'Deny', Action: ['connect:DeleteInstance', 'iam:DeleteRole'], Resource: '*', Condition: { StringNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/break-glass' } } },
    }),
  },
  {
    name: 'voice id endpoint policy',
    kind: 'endpoint',
    text: P({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/agent-app' }, Action: ['voiceid:DescribeDomain', 'voiceid:EvaluateSession'], Resource: 'arn:aws:voiceid:eu-west-2:111122223333:domain/abcdef' }],
    }),
  },
  {
    name: 'voice id kms key policy',
    kind: 'resource',
    text: P({
      Version: '2012-10-17',
      Id: 'key-policy',
      Statement: [
        { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
        {
          Sid: 'VoiceId', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*',
          Condition: { StringEquals: { 'kms:ViaService': 'voiceid.eu-west-2.amazonaws.com', 'kms:CallerAccount': '111122223333' } },
        },
      ],
    }),
  },
  {
    name: 'connect service trust',
    kind: 'trust',
    text: P({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'connect.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } }] }),
  },
  {
    name: 'saml federation trust',
    kind: 'trust',
    text: P({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/idp' }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } }] }),
  },
];

export function ctRecord(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventVersion: '1.11',
    userIdentity: {
      type: 'AssumedRole',
      principalId: 'AROAEXAMPLE:alice',
      arn: 'arn:aws:sts::111122223333:assumed-role/ConnectAdmin/alice',
      accountId: '111122223333',
      sessionContext: { attributes: { mfaAuthenticated: 'false', creationDate: '2026-10-01T09:00:00Z' }, sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/ConnectAdmin' } },
    },
    eventTime: '2026-10-01T09:15:00Z',
    eventSource: 'connect.amazonaws.com',
    eventName: 'UpdateUserSecurityProfiles',
    awsRegion: 'eu-west-2',
    sourceIPAddress: '203.0.113.10',
    userAgent: 'aws-cli/2.15.0',
    requestParameters: { InstanceId: 'a1b2c3d4-5678-90ab-cdef-111122223333', UserId: 'u-1', SecurityProfileIds: ['sp-admin'] },
    responseElements: null,
    requestID: 'req-1',
    eventID: 'evt-1',
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
    ...over,
  };
}

const ROOT_CALL = ctRecord({
  userIdentity: { type: 'Root', principalId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333' },
  eventName: 'DeleteInstance',
  requestParameters: { InstanceId: 'a1b2c3d4-5678-90ab-cdef-111122223333' },
  eventID: 'evt-2',
});
const IAM_CALL = ctRecord({ eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', eventID: 'evt-3', errorCode: 'AccessDenied', errorMessage: 'no' });

const OWN_TRAILS: Seed[] = [
  { name: 'cloudtrail Records log', kind: 'cloudtrail', text: P({ Records: [ctRecord(), ROOT_CALL, IAM_CALL] }) },
  { name: 'cloudtrail single record', kind: 'cloudtrail', text: P(ctRecord({ eventName: 'AdminGetEmergencyAccessToken' })) },
  { name: 'cloudtrail JSON Lines', kind: 'cloudtrail', text: [ctRecord(), ROOT_CALL, IAM_CALL].map((r) => JSON.stringify(r)).join('\n') + '\n' },
  { name: 'cloudtrail minified', kind: 'cloudtrail', text: JSON.stringify({ Records: [ctRecord(), ROOT_CALL] }) },
];

/** examples/ files (small ones), if the repository has them: real documents make better seeds. */
function exampleSeeds(): Seed[] {
  const dir = path.join(ROOT, 'examples');
  const out: Seed[] = [];
  const visit = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (/\.jsonl?$/i.test(e.name) && fs.statSync(p).size < 16_384) {
        const text = fs.readFileSync(p, 'utf8');
        out.push({ name: path.relative(ROOT, p), kind: guessSeedKind(e.name, text), text });
      }
    }
  };
  visit(dir);
  return out;
}

function guessSeedKind(name: string, text: string): DocumentKind {
  if (/cloudtrail|trail|\.jsonl$|eventVersion/i.test(name) || /"eventVersion"|"Records"/.test(text)) return 'cloudtrail';
  if (/\.scp\./i.test(name)) return 'scp';
  if (/\.(vpce|endpoint)\./i.test(name)) return 'endpoint';
  if (/\.trust\./i.test(name)) return 'trust';
  if (/\.(kms|resource|key-policy)\./i.test(name) || /"Principal"/.test(text)) return 'resource';
  return 'identity';
}

const EXAMPLES = exampleSeeds();
export const POLICY_SEEDS: Seed[] = [...OWN, ...EXAMPLES.filter((s) => s.kind !== 'cloudtrail')];
export const TRAIL_SEEDS: Seed[] = [...OWN_TRAILS, ...EXAMPLES.filter((s) => s.kind === 'cloudtrail')];
