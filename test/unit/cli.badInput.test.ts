import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { runCli, tempTree, removeTree, ROOT } from '../helpers/cli';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const CLEAN = '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "connect:DeleteInstance", "Resource": "*"}]}';

/** Runs the bundled CLI in a child process, so a stack overflow or a hang cannot take mocha down. */
function spawnCli(args: string[], cwd: string, timeoutMs = 20000) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, timeout: timeoutMs, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

describe('cli: bad input', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is built by `npm run build`');
    dir = tempTree({
      'binary.identity.json': Buffer.from([0x7b, 0x00, 0x01, 0xff, 0xfe, 0x22, 0x00]),
      'latin1.identity.json': Buffer.from('{"Sid": "caf\xe9"}', 'latin1'),
      'empty.identity.json': '',
      'blank.scp.json': ' \n\t\n',
      'truncated.identity.json': '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:*"',
      'notgzip.cloudtrail.json.gz': 'this is not gzip',
    });
  });
  after(() => removeTree(dir));

  it('a binary file is a read problem (exit 2), not a crash', async () => {
    const r = await runCli(['lint', 'binary.identity.json'], dir);
    assert.deepStrictEqual([r.code, r.err], [2, 'connect-guard: binary.identity.json: binary file (contains NUL bytes); expected JSON text\n']);
  });
  it('invalid UTF-8 is a read problem', async () => {
    const r = await runCli(['lint', 'latin1.identity.json'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /^connect-guard: latin1\.identity\.json: not valid UTF-8/);
  });
  it('a corrupt .gz is a read problem', async () => {
    const r = await runCli(['lint', 'notgzip.cloudtrail.json.gz'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /^connect-guard: notgzip\.cloudtrail\.json\.gz: not a valid gzip file/);
  });
  it('empty and blank files are json-syntax findings at 1:1', async () => {
    const r = await runCli(['lint', 'empty.identity.json', 'blank.scp.json'], dir);
    assert.strictEqual(r.code, 1);
    const lines = r.out.split('\n').filter((l) => l.includes(' json-syntax '));
    assert.deepStrictEqual(lines.map((l) => l.split(' ').slice(0, 3).join(' ')), ['empty.identity.json:1:1 error json-syntax', 'blank.scp.json:1:1 error json-syntax']);
  });
  it('a truncated document is a finding; the rest still gets linted', async () => {
    const r = await runCli(['lint', 'truncated.identity.json', '--format', 'json'], dir);
    const rules = JSON.parse(r.out).files[0].findings.map((f: { rule: string }) => f.rule);
    assert.ok(rules.includes('json-syntax') && rules.includes('connect-wildcard-allow'), rules.join());
  });
  for (const [name, open, close] of [['arrays', '[', ']'], ['objects', '{"a":', '}']]) {
    it(`10 MB of nested ${name} finishes quickly without a stack overflow (child process)`, () => {
      const depth = Math.floor((10 * 1024 * 1024) / (open.length + close.length));
      const file = path.join(dir, `nested-${name}.json`);
      fs.writeFileSync(file, open.repeat(depth) + close.repeat(depth));
      for (const extra of [[], ['--kind', 'cloudtrail'], ['--format', 'sarif']]) {
        const r = spawnCli(['lint', path.basename(file), ...extra], dir);
        assert.strictEqual(r.signal, null, `killed after ${r.ms} ms (hang?)`);
        assert.ok(r.ms < 15000, `took ${r.ms} ms`);
        assert.strictEqual(r.status, 1, r.stderr);
        assert.ok(!/RangeError|Maximum call stack|\n\s+at /.test(r.stderr + r.stdout), r.stderr.slice(0, 500));
      }
      fs.unlinkSync(file);
    });
  }
  it('a directory of 5,000 files is linted in one run', async () => {
    const many = tempTree();
    try {
      for (let i = 0; i < 5000; i++) {
        const sub = path.join(many, `team${i % 50}`);
        if (i < 50) fs.mkdirSync(sub);
        fs.writeFileSync(path.join(sub, `guard-${i}.scp.json`), i === 4321 ? CLEAN.replace('"Version": "2012-10-17", ', '') : CLEAN);
      }
      const started = Date.now();
      const r = await runCli(['lint', '.'], many);
      const ms = Date.now() - started;
      assert.strictEqual(r.code, 0, r.err);
      assert.match(r.out, /^team21\/guard-4321\.scp\.json:1:1 warning missing-version /m);
      assert.match(r.out, /5000 files checked, 1 with findings: 0 errors, 1 warning, 0 info\.\n$/);
      assert.ok(ms < 30000, `took ${ms} ms`);
    } finally {
      removeTree(many);
    }
  });
  it('a symbolic link loop is walked once', async () => {
    const loop = tempTree({ 'a/p.scp.json': CLEAN });
    try {
      fs.symlinkSync('..', path.join(loop, 'a', 'up'));
      fs.symlinkSync(path.join(loop, 'a'), path.join(loop, 'a', 'self'));
      const r = await runCli(['lint', '.'], loop);
      assert.deepStrictEqual([r.code, r.err, r.out], [0, '', '1 file checked, no findings.\n']);
    } finally {
      removeTree(loop);
    }
  });
  it('spawned: prints a one-line error and exits 2 for a missing path', () => {
    const r = spawnCli(['lint', 'missing.json'], dir);
    assert.deepStrictEqual([r.status, r.stderr], [2, 'connect-guard: missing.json: no such file or directory\n']);
  });
  it('spawned: lints examples/ and exits 1 for the problem files', () => {
    const r = spawnCli(['lint', 'examples'], ROOT);
    assert.strictEqual(r.status, 1, r.stderr);
    assert.match(r.stdout, /^examples\/problems\/developer-too-broad\.identity\.json:\d+:\d+ error connect-/m);
    assert.ok(!/^examples\/policies\/\S+ (error|warning) /m.test(r.stdout), r.stdout);
  });
  it('spawned: sarif on stdout is parseable JSON', () => {
    const r = spawnCli(['lint', 'examples/problems', '--format', 'sarif', '--fail-on', 'never'], ROOT);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(JSON.parse(r.stdout).version, '2.1.0');
  });
});
