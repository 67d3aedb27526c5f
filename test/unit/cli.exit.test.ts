import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runCli, tempTree, removeTree } from '../helpers/cli';

const ERROR = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:AdminGetEmergencyAccessToken", "Resource": "*"}]}';
const WARNING = '{"Statement": [{"Effect": "Deny", "Action": "connect:DeleteInstance", "Resource": "*"}]}';
const INFO = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:UpdateQueueName", "Resource": "*"}]}';
const CLEAN = '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "connect:DeleteInstance", "Resource": "*"}]}';

describe('cli: exit codes', () => {
  let dir: string;
  before(() => {
    dir = tempTree({ 'error.identity.json': ERROR, 'warning.scp.json': WARNING, 'info.identity.json': INFO, 'clean.scp.json': CLEAN });
  });
  after(() => removeTree(dir));

  const table: [string, string | undefined, number][] = [
    ['error.identity.json', undefined, 1],
    ['warning.scp.json', undefined, 0],
    ['warning.scp.json', 'warning', 1],
    ['info.identity.json', 'warning', 0],
    ['info.identity.json', 'info', 1],
    ['error.identity.json', 'never', 0],
    ['clean.scp.json', 'info', 0],
  ];
  for (const [file, failOn, code] of table) {
    it(`${file} with --fail-on ${failOn ?? '(default: error)'} exits ${code}`, async () => {
      const r = await runCli(['lint', file, ...(failOn ? ['--fail-on', failOn] : [])], dir);
      assert.strictEqual(r.code, code, r.out + r.err);
    });
  }
  it('an unreadable or missing path exits 2 with a one-line message', async () => {
    const r = await runCli(['lint', 'nope.json'], dir);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.err, 'connect-guard: nope.json: no such file or directory\n');
  });
  it('a dangling symbolic link in a directory exits 2, names it, and the other files are still linted', async () => {
    const sub = path.join(dir, 'links');
    fs.mkdirSync(sub);
    fs.writeFileSync(path.join(sub, 'ok.scp.json'), CLEAN);
    fs.symlinkSync(path.join(dir, 'gone.json'), path.join(sub, 'dangling.identity.json'));
    try {
      const r = await runCli(['lint', 'links'], dir);
      assert.strictEqual(r.code, 2);
      assert.strictEqual(r.err, `connect-guard: ${path.join('links', 'dangling.identity.json')}: broken symbolic link\n`);
      assert.strictEqual(r.out, '1 file checked, no findings.\n');
    } finally {
      fs.rmSync(sub, { recursive: true });
    }
  });
  for (const [argv, message] of [
    [['lint', '--fail-on', 'sometimes'], /--fail-on must be error, warning, info or never \(got "sometimes"\)/],
    [['lint', '--format', 'xml'], /--format must be text, json or sarif/],
    [['lint', '--kind', 'bucket'], /--kind must be identity, scp, endpoint, resource, trust or cloudtrail/],
    [['lint', '--frobnicate'], /Unknown option '--frobnicate'/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['lint', '--config', 'missing.json', 'clean.scp.json'], /missing\.json: cannot read \(ENOENT\)/],
  ] as [string[], RegExp][]) {
    it(`usage error exits 2: ${argv.join(' ')}`, async () => {
      const r = await runCli(argv, dir);
      assert.strictEqual(r.code, 2);
      assert.match(r.err, message);
      assert.strictEqual(r.err.trimEnd().split('\n').length, 1, 'one line, no stack');
      assert.ok(!r.err.includes('    at '), 'no stack trace');
    });
  }
  it('no arguments prints help and exits 2; --help exits 0', async () => {
    assert.strictEqual((await runCli([], dir)).code, 2);
    const h = await runCli(['lint', '--help'], dir);
    assert.deepStrictEqual([h.code, /^Check policies/.test(h.out)], [0, true]);
  });
});

describe('cli: --fix', () => {
  it('rewrites the file with the preferred fixes, keeping its formatting, and re-lints', async () => {
    const text = '{\n    "Statement": [\n        {\n            "Effect": "Allow",\n            "Action": ["connect:Describe*", "connect:Admin*"],\n            "Resource": "*"\n        }\n    ]\n}\n';
    const dir = tempTree({ 'p.identity.json': text });
    try {
      const r = await runCli(['lint', 'p.identity.json', '--fix', '--format', 'json'], dir);
      const fixed = fs.readFileSync(path.join(dir, 'p.identity.json'), 'utf8');
      assert.strictEqual(fixed, '{\n    "Version": "2012-10-17",\n    "Statement": [\n        {\n            "Effect": "Allow",\n            "Action": ["connect:Describe*", "connect:Admin*"],\n            "Resource": "*"\n        },\n        {\n            "Sid": "DenyEmergencyAccessToken",\n            "Effect": "Deny",\n            "Action": "connect:AdminGetEmergencyAccessToken",\n            "Resource": "*"\n        }\n    ]\n}\n');
      const rules = JSON.parse(r.out).files[0].findings.map((f: { rule: string }) => f.rule);
      assert.ok(!rules.includes('missing-version') && !rules.includes('connect-emergency-access'), rules.join());
      assert.strictEqual(r.code, 0);
    } finally {
      removeTree(dir);
    }
  });
  it('leaves files without fixable findings untouched (same mtime)', async () => {
    const dir = tempTree({ 'ok.scp.json': CLEAN });
    try {
      const f = path.join(dir, 'ok.scp.json');
      const old = new Date(2020, 0, 1);
      fs.utimesSync(f, old, old);
      await runCli(['lint', '--fix', 'ok.scp.json'], dir);
      assert.strictEqual(fs.statSync(f).mtime.getTime(), old.getTime());
    } finally {
      removeTree(dir);
    }
  });
});
