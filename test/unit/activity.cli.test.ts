import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../helpers/cli';
import { lint } from '../../server/src/engine';

const ACCOUNT = '444455556666';
const INSTANCE = 'f3a1c2d4-0b5e-4c6d-8e7f-90a1b2c3d4e5';
const rec = (eventName: string, params: Record<string, string>, role = 'FlowDeveloper', time = '2026-10-14T09:00:00Z') => ({
  eventVersion: '1.11', eventTime: time, eventSource: 'connect.amazonaws.com', eventName, awsRegion: 'eu-west-2', eventType: 'AwsApiCall',
  sourceIPAddress: '198.51.100.7', recipientAccountId: ACCOUNT, requestParameters: params, responseElements: null, requestID: 'r', eventID: 'e', eventCategory: 'Management',
  userIdentity: { type: 'AssumedRole', accountId: ACCOUNT, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/alex`, sessionContext: { sessionIssuer: { type: 'Role', arn: `arn:aws:iam::${ACCOUNT}:role/${role}` }, attributes: { mfaAuthenticated: 'true' } } },
});

describe('CLI: generate-policy and check-activity', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-activity-'));
    const records = [
      rec('DescribeContactFlow', { InstanceId: INSTANCE, ContactFlowId: 'cf-1' }),
      rec('UpdateContactFlowContent', { InstanceId: INSTANCE, ContactFlowId: 'cf-1' }),
      rec('ListQueues', { InstanceId: INSTANCE }),
      rec('DeleteUser', { InstanceId: INSTANCE, UserId: 'u-9' }, 'ConnectAdmin'),
      rec('ListUsers', { InstanceId: INSTANCE }, 'FlowDeveloper', '2026-09-01T00:00:00Z'),
    ];
    fs.writeFileSync(path.join(dir, 'week.cloudtrail.json'), JSON.stringify({ Records: records }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('generates a policy for one role in a window, which lints clean and passes check-activity', async () => {
    const gen = await runCli(['generate-policy', 'week.cloudtrail.json', '--principal', `arn:aws:iam::${ACCOUNT}:role/FlowDeveloper`, '--since', '2026-10-01', '--out', 'dev.identity.json'], dir);
    assert.strictEqual(gen.code, 0, gen.err);
    const text = fs.readFileSync(path.join(dir, 'dev.identity.json'), 'utf8');
    const policy = JSON.parse(text);
    const actions = policy.Statement.filter((s: { Effect: string }) => s.Effect === 'Allow').flatMap((s: { Action: string | string[] }) => ([] as string[]).concat(s.Action)).sort();
    assert.deepStrictEqual(actions, ['connect:DescribeContactFlow', 'connect:ListQueues', 'connect:UpdateContactFlowContent']);
    assert.deepStrictEqual(lint(text, { kind: 'identity' }).findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.rule), []);
    const check = await runCli(['check-activity', '--policy', 'dev.identity.json', 'week.cloudtrail.json', '--principal', `arn:aws:iam::${ACCOUNT}:role/FlowDeveloper`, '--since', '2026-10-01', '--format', 'json'], dir);
    assert.strictEqual(check.code, 0, check.out + check.err);
    const report = JSON.parse(check.out);
    assert.deepStrictEqual([report.unused, report.missing, report.recordsUsed], [[], [], 3]);
  });

  it('check-activity reports the other role\'s call as missing (exit 1)', async () => {
    fs.writeFileSync(path.join(dir, 'narrow.identity.json'), '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"connect:ListQueues","Resource":"*"}]}');
    const check = await runCli(['check-activity', '--policy', 'narrow.identity.json', 'week.cloudtrail.json', '--principal', `arn:aws:iam::${ACCOUNT}:role/ConnectAdmin`], dir);
    assert.strictEqual(check.code, 1);
    assert.match(check.out, /activity-missing-permission connect:DeleteUser on arn:aws:connect:eu-west-2:444455556666:instance\/f3a1c2d4-0b5e-4c6d-8e7f-90a1b2c3d4e5\/agent\/u-9 was called 1 time/);
    assert.match(check.out, /activity-unused-permission connect:ListQueues was not used/);
  });

  it('usage errors exit 2 with one line', async () => {
    const r = await runCli(['check-activity', 'week.cloudtrail.json'], dir);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.err, 'connect-guard: --policy FILE is required\n');
    const g = await runCli(['generate-policy'], dir);
    assert.strictEqual(g.code, 2);
  });

  it('all three record commands report a truncated log and a corrupt gzip file by name, and skip files .connectguard.json ignores', async () => {
    const sub = path.join(dir, 'walk');
    fs.mkdirSync(sub);
    const whole = JSON.stringify({ Records: [rec('ListQueues', { InstanceId: INSTANCE })] });
    fs.writeFileSync(path.join(sub, 'cut.cloudtrail.json'), whole.slice(0, 200));
    fs.writeFileSync(path.join(sub, 'bad.json.gz'), 'not gzip at all');
    fs.mkdirSync(path.join(sub, 'old'));
    fs.writeFileSync(path.join(sub, 'old', 'x.cloudtrail.json'), '{');
    fs.writeFileSync(path.join(sub, '.connectguard.json'), JSON.stringify({ ignore: ['old/**'] }));
    for (const args of [['activity', 'walk'], ['generate-policy', 'walk'], ['check-activity', '--policy', 'narrow.identity.json', 'walk']]) {
      const r = await runCli(args, dir);
      assert.strictEqual(r.code, 2, `${args[0]}: ${r.err}`);
      const lines = r.err.trimEnd().split('\n').filter((l) => l.startsWith('connect-guard: walk/')).sort();
      assert.strictEqual(lines.length, 2, `${args[0]}: ${r.err}`);
      assert.match(lines[0], /^connect-guard: walk\/bad\.json\.gz: not a valid gzip file \(/);
      assert.strictEqual(lines[1], `connect-guard: walk/cut.cloudtrail.json: ends inside a record (${200 - whole.indexOf('{', 1)} bytes): the file is truncated`);
    }
  });
});
