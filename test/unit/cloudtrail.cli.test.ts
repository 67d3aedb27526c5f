import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { main } from '../../server/src/cli/main';
import { CliIO } from '../../server/src/cli/io';
import { parseTimeOption, mayHoldWindow, s3DeliveryDay, Progress } from '../../server/src/cli/cloudtrailInputs';
import { record, compactLog, jsonLines, log, assumedRole } from './cloudtrail.fixtures';

async function run(args: string[], cwd: string, isTTY = false) {
  let out = '';
  let err = '';
  const io: CliIO = { out: (s) => (out += s), err: (s) => (err += s), isTTY, cwd, env: {} };
  const code = await main(args, io);
  return { code, out, err };
}

const DAY_DIR = (day: string) => path.join('AWSLogs', 'o-a1b2c3d4e5', '111122223333', 'CloudTrail', 'eu-west-2', ...day.split('-'));
const fileName = (day: string, n: number) => `111122223333_CloudTrail_eu-west-2_${day.replace(/-/g, '')}T09${String(n).padStart(2, '0')}Z_Ab12Cd34Ef56Gh78.json.gz`;

describe('CloudTrail in the CLI', function () {
  this.timeout(20000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-ct-'));
    // Three days of delivered gzip files, a digest file that must be skipped, and a JSON Lines export.
    const write = (day: string, n: number, text: string) => {
      const d = path.join(dir, DAY_DIR(day));
      fs.mkdirSync(d, { recursive: true });
      fs.writeFileSync(path.join(d, fileName(day, n)), zlib.gzipSync(text));
    };
    write('2026-10-01', 1, compactLog(record({ eventName: 'CreateUser', eventTime: '2026-10-01T09:01:00Z' }), record({ eventName: 'DescribeUser', eventTime: '2026-10-01T09:02:00Z' })));
    write('2026-10-01', 2, compactLog(record({ eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', eventTime: '2026-10-01T09:03:00Z' })));
    write('2026-10-02', 1, compactLog(record({ eventName: 'DeleteInstance', eventTime: '2026-10-02T10:00:00Z', userIdentity: assumedRole('FlowDeveloper', 'sam.dev') })));
    write('2026-10-05', 1, compactLog(record({ eventName: 'UpdateUserSecurityProfiles', eventTime: '2026-10-05T11:00:00Z' })));
    const digest = path.join(dir, 'AWSLogs', 'o-a1b2c3d4e5', '111122223333', 'CloudTrail-Digest', 'eu-west-2', '2026', '10', '01');
    fs.mkdirSync(digest, { recursive: true });
    fs.writeFileSync(path.join(digest, '111122223333_CloudTrail-Digest_eu-west-2_trail_eu-west-2_20261001T100000Z.json.gz'), zlib.gzipSync('{"awsAccountId":"111122223333","digestStartTime":"2026-10-01T09:00:00Z"}'));
    fs.writeFileSync(path.join(dir, 'export.jsonl'), jsonLines(record({ eventName: 'DeleteUser', eventTime: '2026-10-03T08:00:00Z' }), record()));
    fs.writeFileSync(path.join(dir, 'pretty.cloudtrail.json'), log(record({ eventName: 'AdminGetEmergencyAccessToken', eventTime: '2026-10-04T08:00:00Z' })));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lints a folder in the S3 layout: gzip files read, digests skipped, IAM CreateUser not reported', async () => {
    const r = await run(['lint', 'AWSLogs', '--format', 'json', '--fail-on', 'never'], dir);
    assert.strictEqual(r.err, '');
    const json = JSON.parse(r.out) as { files: { path: string; findings: { rule: string; data?: { eventName?: string }; line: number; column: number }[] }[] };
    assert.strictEqual(json.files.length, 4);
    const calls = json.files.flatMap((f) => f.findings.filter((x) => x.rule === 'ct-sensitive-connect-call').map((x) => x.data?.eventName));
    assert.deepStrictEqual(calls, ['CreateUser', 'DeleteInstance', 'UpdateUserSecurityProfiles']);
    const first = json.files[0].findings.find((x) => x.rule === 'ct-sensitive-connect-call')!;
    const text = zlib.gunzipSync(fs.readFileSync(path.join(dir, DAY_DIR('2026-10-01'), fileName('2026-10-01', 1)))).toString('utf8');
    assert.deepStrictEqual([first.line, first.column], [1, text.indexOf('"CreateUser"') + 1]);
  });

  it('filters records with --since/--until and skips day folders outside the window', async () => {
    const r = await run(['lint', '.', '--since', '2026-10-02', '--until', '2026-10-03', '--format', 'json', '--fail-on', 'never'], dir);
    const json = JSON.parse(r.out) as { files: { path: string; findings: { rule: string; data?: { eventName?: string } }[] }[] };
    const calls = json.files.flatMap((f) => f.findings.filter((x) => x.rule.startsWith('ct-')).map((x) => x.data?.eventName));
    assert.deepStrictEqual(calls, ['DeleteInstance', 'DeleteUser']);
    assert.ok(!json.files.some((f) => f.path.includes(path.join('2026', '10', '05'))), 'day 5 is not read');
  });

  it('exits 1 on findings and prints text with positions; SARIF points at the record', async () => {
    const t = await run(['lint', 'pretty.cloudtrail.json'], dir);
    assert.strictEqual(t.code, 1);
    const text = fs.readFileSync(path.join(dir, 'pretty.cloudtrail.json'), 'utf8');
    const line = text.slice(0, text.indexOf('"AdminGetEmergencyAccessToken"')).split('\n').length;
    assert.ok(t.out.includes(`pretty.cloudtrail.json:${line}:`), t.out);
    const s = await run(['lint', 'AWSLogs', '--format', 'sarif', '--fail-on', 'never'], dir);
    const sarif = JSON.parse(s.out) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[] };
    const del = sarif.runs[0].results.find((x) => x.ruleId === 'ct-sensitive-connect-call' && x.locations[0].physicalLocation.region.startColumn > 1)!;
    assert.strictEqual(del.locations[0].physicalLocation.region.startLine, 1);
  });

  it('activity prints per-principal, per-API and per-day tables with totals', async () => {
    const r = await run(['activity', '.'], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.ok(r.out.includes('Sensitive calls per principal'), r.out);
    assert.ok(/connect:DeleteInstance\s+1\s+0\s+error/.test(r.out), r.out);
    assert.ok(/2026-10-02\s+1\s+0/.test(r.out), r.out);
    assert.ok(r.out.includes('files 6, records 8'), r.out);
    assert.ok(r.out.includes('sensitive calls 5 (0 failed)'), r.out);
  });

  it('activity skips files that are not CloudTrail (a policy in the same folder)', async () => {
    const policy = path.join(dir, 'admin.identity.json');
    fs.writeFileSync(policy, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:CreateUser", "Resource": "*"}]}');
    try {
      const r = await run(['activity', 'admin.identity.json', 'export.jsonl'], dir);
      assert.ok(r.out.includes('files 1, records 2'), r.out);
      assert.ok(r.out.includes('1 file skipped: not CloudTrail'), r.out);
    } finally {
      fs.unlinkSync(policy);
    }
  });

  it('activity honours ignore globs of .connectguard.json', async () => {
    const cfg = path.join(dir, '.connectguard.json');
    fs.writeFileSync(cfg, JSON.stringify({ ignore: ['export.jsonl'] }));
    try {
      const r = await run(['activity', 'export.jsonl', 'pretty.cloudtrail.json'], dir);
      assert.ok(r.out.includes('files 1, records 1'), r.out);
    } finally {
      fs.unlinkSync(cfg);
    }
  });

  it('activity --format json with a window', async () => {
    const r = await run(['activity', '.', '--format', 'json', '--since', '2026-10-01T09:02:30Z', '--until', '2026-10-03'], dir);
    const j = JSON.parse(r.out) as { totals: { sensitiveCalls: number }; byApi: { key: string; calls: number }[]; byPrincipal: { key: string; apis: string[] }[]; byDay: { key: string }[] };
    assert.deepStrictEqual(j.byApi.map((a) => a.key).sort(), ['connect:DeleteInstance', 'connect:DeleteUser']);
    assert.deepStrictEqual(j.byDay.map((d) => d.key), ['2026-10-02', '2026-10-03']);
    assert.deepStrictEqual(j.byPrincipal.map((p) => p.key).sort(), ['arn:aws:sts::111122223333:assumed-role/ConnectAdmin/dana.ops', 'arn:aws:sts::111122223333:assumed-role/FlowDeveloper/sam.dev']);
  });

  it('rejects bad dates and a reversed window as usage errors', async () => {
    assert.strictEqual((await run(['activity', '.', '--since', 'yesterday'], dir)).code, 2);
    assert.strictEqual((await run(['lint', '.', '--since', '2026-10-05', '--until', '2026-10-01'], dir)).code, 2);
  });

  it('reports an unreadable gzip file without stopping', async () => {
    const bad = path.join(dir, 'broken.json.gz');
    fs.writeFileSync(bad, 'not gzip');
    try {
      const r = await run(['activity', 'broken.json.gz', 'export.jsonl'], dir);
      assert.strictEqual(r.code, 2);
      assert.ok(r.err.includes('broken.json.gz: not a valid gzip file'), r.err);
      assert.ok(r.out.includes('connect:DeleteUser'), r.out);
    } finally {
      fs.unlinkSync(bad);
    }
  });

  it('lints a big file from its bytes with the same positions', async () => {
    const big = path.join(dir, 'big.jsonl');
    const filler = JSON.stringify(record({ eventName: 'GetCurrentMetricData', requestParameters: { InstanceId: 'x', note: 'é'.repeat(600) } }));
    const lines: string[] = [];
    let size = 0;
    while (size < 17 * 1024 * 1024) {
      lines.push(filler);
      size += Buffer.byteLength(filler) + 1;
    }
    lines.push(JSON.stringify(record({ eventName: 'DeleteInstance', requestParameters: { note: 'Zoë 😀' } })));
    fs.writeFileSync(big, lines.join('\n') + '\n');
    try {
      const r = await run(['lint', 'big.jsonl', '--format', 'json', '--fail-on', 'never'], dir);
      const json = JSON.parse(r.out) as { files: { findings: { rule: string; line: number; column: number; offset: number }[] }[] };
      const f = json.files[0].findings.find((x) => x.rule === 'ct-sensitive-connect-call')!;
      const last = lines[lines.length - 1];
      assert.deepStrictEqual([f.line, f.column], [lines.length, last.indexOf('"DeleteInstance"') + 1]);
      assert.strictEqual(f.offset, lines.slice(0, -1).join('\n').length + 1 + last.indexOf('"DeleteInstance"'));
    } finally {
      fs.unlinkSync(big);
    }
  });

  it('time options and S3 day folders', () => {
    assert.strictEqual(parseTimeOption('since', '2026-10-01'), Date.parse('2026-10-01T00:00:00Z'));
    assert.strictEqual(parseTimeOption('until', '2026-10-01'), Date.parse('2026-10-02T00:00:00Z'));
    assert.strictEqual(parseTimeOption('since', '2026-10-01T09:30'), Date.parse('2026-10-01T09:30:00Z'));
    assert.strictEqual(parseTimeOption('since', '2026-10-01T09:30:00+02:00'), Date.parse('2026-10-01T07:30:00Z'));
    const f = path.join('x', DAY_DIR('2026-10-05'), fileName('2026-10-05', 1));
    assert.strictEqual(s3DeliveryDay(f), Date.parse('2026-10-05T00:00:00Z'));
    assert.strictEqual(mayHoldWindow(f, { until: Date.parse('2026-10-05T00:00:00Z') }), true, 'a day folder may hold events from just before midnight');
    assert.strictEqual(mayHoldWindow(f, { until: Date.parse('2026-10-04T00:00:00Z') }), false);
    assert.strictEqual(mayHoldWindow(f, { since: Date.parse('2026-10-06T12:00:00Z') }), true);
    assert.strictEqual(mayHoldWindow(f, { since: Date.parse('2026-10-07T00:00:00Z') }), false);
    assert.strictEqual(mayHoldWindow('export.jsonl', { since: 0 }), true);
  });

  it('progress goes to stderr only when enabled (a terminal)', () => {
    let err = '';
    const io: CliIO = { out: () => undefined, err: (s) => (err += s), isTTY: true, cwd: dir, env: {} };
    const on = new Progress(io, 2, true);
    on.tick(0, 'a.json.gz');
    on.done();
    assert.ok(err.includes('[0/2] a.json.gz'), err);
    err = '';
    const off = new Progress({ ...io, isTTY: false }, 2);
    off.tick(0, 'a.json.gz');
    off.done();
    assert.strictEqual(err, '');
  });
});
