import * as assert from 'assert';
import { loadIamData, activity, applyFix } from '../../server/src/engine';
import { at } from '../helpers/lint';

const iam = loadIamData();
const ACCOUNT = '444455556666';
const INSTANCE = 'f3a1c2d4-0b5e-4c6d-8e7f-90a1b2c3d4e5';
const rec = (eventName: string, params: Record<string, string>) => ({
  eventSource: 'connect.amazonaws.com', eventName, awsRegion: 'eu-west-2', eventType: 'AwsApiCall', recipientAccountId: ACCOUNT,
  userIdentity: { type: 'AssumedRole', accountId: ACCOUNT, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/FlowDeveloper/alex` }, requestParameters: params,
});

describe('activity: check a policy against activity', () => {
  const policy = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "Flows", "Effect": "Allow", "Action": ["connect:DescribeContactFlow", "connect:DeleteUser"], "Resource": "arn:aws:connect:eu-west-2:${ACCOUNT}:instance/${INSTANCE}/*" },
    { "Sid": "Reads", "Effect": "Allow", "Action": "connect:List*", "Resource": "*", "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "true" } } },
    { "Sid": "NoQueues", "Effect": "Deny", "Action": "connect:DescribeQueue", "Resource": "*" }
  ]
}`;
  const run = (records: activity.TrailRecord[]) => {
    const c = new activity.ActivityChecker(policy, iam);
    for (const r of records) c.add(r);
    return c.result();
  };
  const result = run([
    rec('DescribeContactFlow', { InstanceId: INSTANCE, ContactFlowId: 'cf-1' }),
    rec('ListQueues', { InstanceId: INSTANCE }),
    rec('DescribeQueue', { InstanceId: INSTANCE, QueueId: 'q-1' }),
    rec('DescribeQueue', { InstanceId: INSTANCE, QueueId: 'q-1' }),
    rec('UpdateUserSecurityProfiles', { InstanceId: INSTANCE, UserId: 'u-1' }),
  ]);

  it('reports an unused explicit action at its exact range, with a removal fix', () => {
    const f = result.findings.filter((x) => x.rule === 'activity-unused-permission' && x.data?.used === 0);
    const r = at(policy, '"connect:DeleteUser"');
    assert.deepStrictEqual(f.map((x) => [x.offset, x.length, x.severity]), [[r.offset, r.length, 'warning']]);
    const fixed = applyFix(policy, f[0].fixes![0]);
    assert.ok(fixed.includes('"Action": ["connect:DescribeContactFlow"]'), fixed);
    const again = new activity.ActivityChecker(fixed, iam);
    again.add(rec('DescribeContactFlow', { InstanceId: INSTANCE, ContactFlowId: 'cf-1' }));
    assert.ok(!again.result().findings.some((x) => x.rule === 'activity-unused-permission' && x.data?.action === 'connect:DeleteUser'));
  });
  it('reports a partly used wildcard with the used count', () => {
    const f = result.findings.find((x) => x.rule === 'activity-unused-permission' && x.data?.action === 'connect:List*');
    assert.ok(f);
    const r = at(policy, '"connect:List*"');
    assert.deepStrictEqual([f.offset, f.length], [r.offset, r.length]);
    assert.strictEqual(f.data?.used, 1);
  });
  it('reports calls the policy does not allow: explicit Deny wins, missing Allow', () => {
    const missing = result.missing.map((m) => `${m.action} x${m.count}: ${m.reason}`).sort();
    assert.deepStrictEqual(missing, ['connect:DescribeQueue x2: denied by statement "NoQueues"', 'connect:UpdateUserSecurityProfiles x1: no Allow statement matches']);
    const r = at(policy, '"Statement"');
    for (const f of result.findings.filter((x) => x.rule === 'activity-missing-permission')) assert.deepStrictEqual([f.offset, f.length], [r.offset, r.length]);
  });
  it('says per statement that conditions were not evaluated', () => {
    assert.deepStrictEqual(result.conditional, ['statement "Reads"']);
    const f = result.findings.filter((x) => x.rule === 'activity-conditions-not-evaluated');
    const r = at(policy, '"Condition"');
    assert.deepStrictEqual(f.map((x) => [x.offset, x.length]), [[r.offset, r.length]]);
  });
  it('is clean when policy and activity agree', () => {
    const exact = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"connect:ListQueues","Resource":"*"}]}`;
    const c = new activity.ActivityChecker(exact, iam);
    c.add(rec('ListQueues', { InstanceId: INSTANCE }));
    assert.deepStrictEqual(c.result().findings, []);
  });
});
