import * as assert from 'assert';
import { loadIamData, lint, activity } from '../../server/src/engine';

const iam = loadIamData();
const ACCOUNT = '444455556666';
const INSTANCE = 'f3a1c2d4-0b5e-4c6d-8e7f-90a1b2c3d4e5';

function rec(eventName: string, requestParameters: Record<string, string> | null, extra: Record<string, unknown> = {}) {
  return {
    eventVersion: '1.11', eventTime: '2026-10-14T09:12:44Z', eventSource: 'connect.amazonaws.com', eventName, awsRegion: 'eu-west-2',
    sourceIPAddress: '198.51.100.23', userIdentity: { type: 'AssumedRole', accountId: ACCOUNT, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/FlowDeveloper/alex` },
    requestParameters, responseElements: null, eventType: 'AwsApiCall', recipientAccountId: ACCOUNT, ...extra,
  };
}

describe('activity: event to action', () => {
  it('maps a Connect call with its instance and child resource ARNs', () => {
    const m = activity.mapEvent(rec('DescribeUser', { InstanceId: INSTANCE, UserId: 'u-77' }), iam);
    assert.strictEqual(m.action?.fullName, 'connect:DescribeUser');
    assert.deepStrictEqual(m.resources, [`arn:aws:connect:eu-west-2:${ACCOUNT}:instance/${INSTANCE}/agent/u-77`]);
  });
  it('wildcards identifiers the record does not carry, and says so', () => {
    const m = activity.mapEvent(rec('DescribeUser', { InstanceId: INSTANCE }), iam);
    assert.deepStrictEqual(m.resources, [`arn:aws:connect:eu-west-2:${ACCOUNT}:instance/${INSTANCE}/agent/*`]);
    assert.match(m.resourceNote ?? '', /wildcarded/);
  });
  it('maps qconnect to wisdom, and contact-lens to connect', () => {
    assert.strictEqual(activity.prefixOfSource('qconnect.amazonaws.com'), 'wisdom');
    assert.strictEqual(activity.prefixOfSource('contact-lens.amazonaws.com'), 'connect');
    assert.strictEqual(activity.prefixOfSource('voiceid.amazonaws.com'), 'voiceid');
  });
  it('explains events that map to no action', () => {
    const signIn = activity.mapEvent({ ...rec('ConsoleLogin', null), eventType: 'AwsConsoleSignIn', eventSource: 'signin.amazonaws.com' }, iam);
    assert.strictEqual(signIn.action, undefined);
    assert.match(signIn.unmapped!, /AwsConsoleSignIn/);
    const unknown = activity.mapEvent(rec('NoSuchApiCall', null), iam);
    assert.match(unknown.unmapped!, /defines no IAM action named NoSuchApiCall/);
  });
  it('flags access-denied calls', () => {
    assert.strictEqual(activity.mapEvent(rec('DeleteUser', { InstanceId: INSTANCE, UserId: 'u-1' }, { errorCode: 'AccessDeniedException' }), iam).denied, true);
  });
});

describe('activity: generate policy', () => {
  const records = [
    rec('DescribeContactFlow', { InstanceId: INSTANCE, ContactFlowId: 'cf-1' }),
    rec('DescribeContactFlow', { InstanceId: INSTANCE, ContactFlowId: 'cf-2' }),
    rec('UpdateContactFlowContent', { InstanceId: INSTANCE, ContactFlowId: 'cf-1' }),
    rec('ListQueues', { InstanceId: INSTANCE }),
    rec('DeleteUser', { InstanceId: INSTANCE, UserId: 'u-1' }, { errorCode: 'AccessDeniedException' }),
    { ...rec('ConsoleLogin', null), eventType: 'AwsConsoleSignIn', eventSource: 'signin.amazonaws.com' },
    { ...rec('CreateUser', null), eventSource: 'iam.amazonaws.com', userIdentity: { type: 'AssumedRole', accountId: ACCOUNT, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Other/x` } },
  ];
  const gen = new activity.PolicyGenerator(iam, { include: (r) => String((r.userIdentity as { arn?: string })?.arn).includes('/FlowDeveloper/') });
  for (const r of records) gen.add(r);
  const out = gen.result();

  it('grants exactly the observed actions, scoped to the observed resources', () => {
    const allows = out.policy.Statement.filter((s) => s.Effect === 'Allow');
    const pairs = allows.flatMap((s) => ([] as string[]).concat(s.Action as string).map((a) => `${a} -> ${([] as string[]).concat(s.Resource as string).join(' ')}`)).sort();
    assert.deepStrictEqual(pairs, [
      `connect:DescribeContactFlow -> arn:aws:connect:eu-west-2:${ACCOUNT}:instance/${INSTANCE}/contact-flow/cf-1 arn:aws:connect:eu-west-2:${ACCOUNT}:instance/${INSTANCE}/contact-flow/cf-2`,
      `connect:ListQueues -> arn:aws:connect:eu-west-2:${ACCOUNT}:instance/${INSTANCE}/queue/*`,
      `connect:UpdateContactFlowContent -> arn:aws:connect:eu-west-2:${ACCOUNT}:instance/${INSTANCE}/contact-flow/cf-1`,
    ]);
  });
  it('adds the emergency-access guardrail and skips denied and other principals\' calls', () => {
    const deny = out.policy.Statement.find((s) => s.Effect === 'Deny');
    assert.deepStrictEqual(deny, { Sid: 'DenyConnectEmergencyAccess', Effect: 'Deny', Action: 'connect:AdminGetEmergencyAccessToken', Resource: '*' });
    assert.strictEqual(out.recordsSeen, 7);
    assert.strictEqual(out.recordsUsed, 4); // 2 DescribeContactFlow, UpdateContactFlowContent, ListQueues
    assert.ok(out.notes.some((n) => /1 call\(s\) failed with an access error/.test(n)), out.notes.join('\n'));
    assert.deepStrictEqual(out.unmapped.map((u) => u.eventName), ['ConsoleLogin']);
  });
  it('lints its own output without errors or warnings', () => {
    const findings = lint(out.text, { kind: 'identity' }).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepStrictEqual(findings.map((f) => `${f.rule}: ${f.message}`), []);
  });
});
