'use strict';
// Seeded synthetic CloudTrail: mostly everyday noise (S3, EC2, STS, KMS reads) with a
// small share of Amazon Connect calls and a few sensitive ones, as in a real account.
const { rng } = require('./rng');

const ACCOUNT = '444455556666';
const INSTANCE = 'f3a1c2d4-0b5e-4c6d-8e7f-90a1b2c3d4e5';
const NOISE = [
  ['s3.amazonaws.com', 'GetObject'], ['s3.amazonaws.com', 'PutObject'], ['ec2.amazonaws.com', 'DescribeInstances'],
  ['sts.amazonaws.com', 'AssumeRole'], ['kms.amazonaws.com', 'Decrypt'], ['logs.amazonaws.com', 'PutLogEvents'],
  ['lambda.amazonaws.com', 'Invoke'], ['dynamodb.amazonaws.com', 'GetItem'], ['iam.amazonaws.com', 'CreateUser'],
];
const CONNECT_READ = ['DescribeUser', 'ListUsers', 'DescribeContactFlow', 'ListQueues', 'DescribeQueue', 'GetCurrentMetricData', 'ListRoutingProfiles'];
const CONNECT_SENSITIVE = ['CreateUser', 'DeleteUser', 'UpdateUserSecurityProfiles', 'UpdateSecurityProfile', 'CreateIntegrationAssociation', 'AdminGetEmergencyAccessToken', 'DeleteInstance'];
const ROLES = ['FlowDeveloper', 'ConnectAdmin', 'AppReader', 'BreakGlass'];

function record(r, i, day) {
  const roll = r();
  let source, name;
  if (roll < 0.9) [source, name] = r.pick(NOISE);
  else if (roll < 0.99) [source, name] = ['connect.amazonaws.com', r.pick(CONNECT_READ)];
  else [source, name] = ['connect.amazonaws.com', r.pick(CONNECT_SENSITIVE)];
  const role = r.pick(ROLES);
  const hh = String(r.int(24)).padStart(2, '0');
  const mm = String(r.int(60)).padStart(2, '0');
  const ss = String(r.int(60)).padStart(2, '0');
  const mfa = r.chance(0.7) ? 'true' : 'false';
  const rec = {
    eventVersion: '1.11',
    userIdentity: {
      type: 'AssumedRole', principalId: `AROAEXAMPLE${i % 997}:user${i % 31}`, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/user${i % 31}`,
      accountId: ACCOUNT, accessKeyId: `ASIAEXAMPLE${String(i % 100000).padStart(6, '0')}`,
      sessionContext: { sessionIssuer: { type: 'Role', principalId: 'AROAEXAMPLE', arn: `arn:aws:iam::${ACCOUNT}:role/${role}`, accountId: ACCOUNT, userName: role }, attributes: { creationDate: `2026-10-${day}T${hh}:00:00Z`, mfaAuthenticated: mfa } },
    },
    eventTime: `2026-10-${day}T${hh}:${mm}:${ss}Z`, eventSource: source, eventName: name, awsRegion: 'eu-west-2',
    sourceIPAddress: r.chance(0.8) ? `198.51.100.${r.int(255)}` : `203.0.113.${r.int(255)}`,
    userAgent: 'aws-cli/2.17.0 md/awscrt#0.20.11 ua/2.0 os/linux#6.1 lang/python#3.11.9',
    requestParameters: source === 'connect.amazonaws.com' ? { InstanceId: INSTANCE, UserId: `u-${i % 53}` } : { bucketName: 'contact-recordings-eu', key: `recordings/2026/10/${day}/${i}.wav`, 'x-amz-server-side-encryption': 'aws:kms' },
    responseElements: null,
    requestID: `${i.toString(16).padStart(8, '0')}-1111-2222-3333-444455556666`,
    eventID: `${(i * 7919).toString(16).padStart(8, '0')}-aaaa-bbbb-cccc-ddddeeeeffff`,
    readOnly: !/^(Create|Delete|Update|Put|Admin)/.test(name), eventType: 'AwsApiCall', managementEvent: true,
    recipientAccountId: ACCOUNT, eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${source.split('.')[0]}.eu-west-2.amazonaws.com` },
  };
  if (r.chance(0.01)) Object.assign(rec, { errorCode: 'AccessDeniedException', errorMessage: 'User is not authorized to perform this action' });
  return rec;
}

/** Writes `{"Records":[...]}` with `count` records; returns the byte size. */
function writeLog(fs, file, count, seed = 7) {
  const r = rng(seed);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, '{"Records":[');
  let bytes = 12;
  let chunk = [];
  for (let i = 0; i < count; i++) {
    chunk.push((i ? ',' : '') + JSON.stringify(record(r, i, String(1 + (i % 28)).padStart(2, '0'))));
    if (chunk.length === 1000) {
      const s = chunk.join('');
      bytes += Buffer.byteLength(s);
      fs.writeSync(fd, s);
      chunk = [];
    }
  }
  const tail = chunk.join('') + ']}';
  bytes += Buffer.byteLength(tail);
  fs.writeSync(fd, tail);
  fs.closeSync(fd);
  return bytes;
}

module.exports = { writeLog, record, ACCOUNT, INSTANCE };
