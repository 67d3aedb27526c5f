import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { eventBridgePatterns, sqlQueries, cloudFormationTemplate, DETECTIONS } from '../../server/src/engine/detections';
import { lint, Finding } from '../../server/src/engine';
import { matchesPattern } from '../helpers/eventPattern';
import { compileWhere } from '../helpers/sqlSubset';
import { runCli } from '../helpers/cli';

const ACCOUNT = '111122223333';
const ident = (type: string, mfa: string) => ({
  type, accountId: ACCOUNT, arn: type === 'Root' ? `arn:aws:iam::${ACCOUNT}:root` : `arn:aws:sts::${ACCOUNT}:assumed-role/Ops/sam`,
  sessionContext: { attributes: { mfaAuthenticated: mfa } },
});
const rec = (eventSource: string, eventName: string, extra: Record<string, unknown> = {}) => ({
  eventVersion: '1.11', eventTime: '2026-10-02T10:00:00Z', eventSource, eventName, awsRegion: 'eu-west-2', sourceIPAddress: '198.51.100.4',
  userIdentity: ident('AssumedRole', 'true'), requestParameters: { InstanceId: 'i-1' }, responseElements: null, requestID: 'a', eventID: 'b',
  eventType: 'AwsApiCall', eventCategory: 'Management', recipientAccountId: ACCOUNT, ...extra,
});

/** Sample events: each detection has events it must flag and events it must not. */
const SAMPLES = [
  rec('connect.amazonaws.com', 'DeleteInstance'),
  rec('connect.amazonaws.com', 'UpdateUserSecurityProfiles', { userIdentity: ident('AssumedRole', 'false') }),
  rec('connect.amazonaws.com', 'AdminGetEmergencyAccessToken'),
  rec('connect.amazonaws.com', 'ListUsers', { userIdentity: ident('Root', 'false') }),
  rec('connect.amazonaws.com', 'DescribeUser', { errorCode: 'AccessDeniedException', errorMessage: 'denied' }),
  rec('voiceid.amazonaws.com', 'DeleteDomain'),
  rec('iam.amazonaws.com', 'CreateUser'),
  rec('iam.amazonaws.com', 'DeleteUser', { userIdentity: ident('Root', 'false'), errorCode: 'AccessDenied' }),
  rec('connect.amazonaws.com', 'DescribeContactFlow'),
];

/** Which samples the engine flags, per mirrored rule. */
function engineFlags(rule: string): boolean[] {
  return SAMPLES.map((r) => {
    const findings: Finding[] = lint(JSON.stringify({ Records: [r] }), { kind: 'cloudtrail' }).findings;
    return findings.some((f) => f.rule === rule);
  });
}

describe('export-detections', () => {
  const patterns = eventBridgePatterns();
  const athena = sqlQueries('athena', 'cloudtrail_logs');
  const lake = sqlQueries('cloudtrail-lake', '$EDS_ID');
  for (const d of DETECTIONS) {
    describe(d.id, () => {
      const expected = engineFlags(d.rule);
      it('the engine flags at least one sample and passes at least one', () => {
        assert.ok(expected.includes(true) && expected.includes(false), JSON.stringify(expected));
      });
      it('the EventBridge pattern matches exactly the events the engine flags', () => {
        const got = SAMPLES.map((r) => matchesPattern(patterns[d.id], { 'detail-type': 'AWS API Call via CloudTrail', source: 'aws.x', detail: r }));
        assert.deepStrictEqual(got, expected);
      });
      it('the Athena SQL selects exactly those events', () => {
        const where = compileWhere(athena[d.id]);
        assert.deepStrictEqual(SAMPLES.map((r) => where(r)), expected);
      });
      it('the CloudTrail Lake SQL selects exactly those events', () => {
        const where = compileWhere(lake[d.id]);
        assert.deepStrictEqual(SAMPLES.map((r) => where(r)), expected);
      });
    });
  }
  it('the CloudFormation template has a rule per detection, each allowed to publish to the topic', () => {
    const t = cloudFormationTemplate() as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
    const rules = Object.entries(t.Resources).filter(([, r]) => r.Type === 'AWS::Events::Rule').map(([k]) => k);
    assert.deepStrictEqual(rules, DETECTIONS.map((d) => `${d.id}Rule`));
    const stmts = (t.Resources.AlertTopicPolicy.Properties.PolicyDocument as { Statement: { Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': string[] } } } }[] }).Statement;
    assert.deepStrictEqual(stmts.map((s) => s.Condition.ArnEquals['aws:SourceArn']['Fn::GetAtt'][0]), rules);
  });
  it('the CLI writes each format; a bad format is a usage error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-export-'));
    try {
      for (const f of ['eventbridge', 'cloudformation']) {
        const r = await runCli(['export-detections', '--format', f], dir);
        assert.strictEqual(r.code, 0);
        JSON.parse(r.out);
      }
      const sql = await runCli(['export-detections', '--format', 'athena', '--table', 'trail_db.cloudtrail'], dir);
      assert.strictEqual((sql.out.match(/FROM trail_db\.cloudtrail/g) ?? []).length, DETECTIONS.length);
      const bad = await runCli(['export-detections', '--format', 'splunk'], dir);
      assert.strictEqual(bad.code, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
