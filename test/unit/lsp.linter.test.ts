import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lint, LineIndex } from '../../server/src/engine';
import { BIG_TEXT, LintCancelled, Linter, SLICE_CHARS } from '../../server/src/lsp/linter';

const log = { debug() {}, info() {}, warn() {}, error() {} };
/** The compiled server entry: started as a worker with the lint role it serves lint jobs. */
const workerScript = path.resolve(__dirname, '..', '..', 'server', 'src', 'server.js');

/** Over BIG_TEXT by indentation alone, so the engine's work stays small and the test fast. */
function bigPolicy(padChars = BIG_TEXT / 4): string {
  const pad = ' '.repeat(padChars);
  return `{\n "Statement": [\n${pad}{ "Sid": "A", "Effect": "Allow", "Action": "connect:DescribeUsr", "Resource": "*" },\n${pad}{ "Sid": "B", "Effect": "Allow", "Action": "conect:DescribeUser", "Resource": "*" }\n${pad}${pad}]\n}`;
}

describe('lsp: linter', function () {
  this.timeout(20000);
  const linter = new Linter(log, workerScript);
  after(() => linter.dispose());

  it('lints small texts inline, without positions', async () => {
    const r = await linter.run('{"Statement": []}', { fileName: 'a.identity.json' });
    assert.deepStrictEqual(r.findings.map((f) => f.rule), ['missing-version']);
    assert.strictEqual(r.positions, undefined);
  });

  it('lints big texts in the worker: same findings as inline, and positions for every offset they use', async () => {
    const text = bigPolicy();
    const r = await linter.run(text, { fileName: 'big.identity.json' });
    const inline = lint(text, { fileName: 'big.identity.json' });
    assert.deepStrictEqual(r.findings, inline.findings);
    const lines = new LineIndex(text);
    for (const f of r.findings) {
      assert.deepStrictEqual(r.positions![f.offset], lines.position(f.offset));
      assert.deepStrictEqual(r.positions![f.offset + f.length], lines.position(f.offset + f.length));
      for (const fix of f.fixes ?? []) for (const e of fix.edits) assert.deepStrictEqual(r.positions![e.offset], lines.position(e.offset));
    }
    assert.deepStrictEqual(r.findings.map((f) => f.rule), ['missing-version', 'unknown-action', 'unknown-service-prefix']);
  });
});

describe('lsp: linter, texts longer than one slice', function () {
  this.timeout(20000);
  const linter = new Linter(log, workerScript);
  after(() => linter.dispose());

  it('reassembles the slices: findings in the first and the last slice at their offsets', async () => {
    // 2.5 slices of padding between the statements: the text spans three slices, the two statements lie in the first and the last.
    const pad = ' '.repeat(Math.floor(SLICE_CHARS * 2.5));
    const text = `{\n "Statement": [\n{ "Sid": "A", "Effect": "Allow", "Action": "connect:DescribeUsr", "Resource": "*" },\n${pad}{ "Sid": "B", "Effect": "Allow", "Action": "conect:DescribeUser", "Resource": "*" }\n]\n}`;
    const r = await linter.run(text, { fileName: 'big.identity.json' });
    const byRule = Object.fromEntries(r.findings.map((f) => [f.rule, f]));
    assert.deepStrictEqual(Object.keys(byRule).sort(), ['missing-version', 'unknown-action', 'unknown-service-prefix']);
    assert.strictEqual(byRule['unknown-action'].offset, text.indexOf('DescribeUsr'));
    assert.ok(byRule['unknown-action'].offset < SLICE_CHARS);
    assert.strictEqual(byRule['unknown-service-prefix'].offset, text.indexOf('conect:DescribeUser'));
    assert.ok(byRule['unknown-service-prefix'].offset > 2 * SLICE_CHARS);
  });
});

describe('lsp: linter, worker crash', function () {
  this.timeout(20000);
  // A worker that dies on a text containing CRASH and serves every other job as the real one does.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-linter-'));
  const crashing = path.join(dir, 'crashingWorker.js');
  fs.writeFileSync(crashing, [
    "const { parentPort } = require('worker_threads');",
    `const { serveLintJobs } = require(${JSON.stringify(path.resolve(__dirname, '..', '..', 'server', 'src', 'lsp', 'linter.js'))});`,
    "serveLintJobs({",
    "  on: (ev, cb) => parentPort.on(ev, (m) => { if (m.part.includes('CRASH')) throw new Error('test worker crashed on purpose'); cb(m); }),",
    '  postMessage: (m) => parentPort.postMessage(m),',
    '});',
  ].join('\n'));
  const errors: string[] = [];
  const linter = new Linter({ ...log, error: (m: string) => errors.push(m) }, crashing);
  after(() => {
    linter.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rejects the job with the cause, logs one line, and the next big job gets a new worker', async () => {
    const doomed = bigPolicy().replace('"Sid": "A"', '"Sid": "CRASH"');
    await assert.rejects(linter.run(doomed, { fileName: 'doomed.identity.json' }), /test worker crashed on purpose/);
    assert.strictEqual(errors.filter((e) => e.startsWith('lint worker stopped: ')).length, 1, errors.join('\n'));
    assert.ok(errors[0].includes('test worker crashed on purpose'), errors[0]);
    const r = await linter.run(bigPolicy(), { fileName: 'big.identity.json' });
    assert.deepStrictEqual(r.findings.map((f) => f.rule), ['missing-version', 'unknown-action', 'unknown-service-prefix']);
  });
});

describe('lsp: linter, cancel', function () {
  this.timeout(20000);
  const linter = new Linter(log, workerScript);
  after(() => linter.dispose());
  const expected = ['missing-version', 'unknown-action', 'unknown-service-prefix'];

  it('rejects the named job with LintCancelled; the next job is served', async () => {
    const stale = linter.run(bigPolicy(), { fileName: 'a.identity.json' }, 'file:///a.identity.json');
    linter.cancel('file:///a.identity.json');
    await assert.rejects(stale, LintCancelled);
    const r = await linter.run(bigPolicy(), { fileName: 'a.identity.json' }, 'file:///a.identity.json');
    assert.deepStrictEqual(r.findings.map((f) => f.rule), expected);
  });

  it('leaves other documents\' jobs alone, and a key with no job is a no-op', async () => {
    const a = linter.run(bigPolicy(), { fileName: 'a.identity.json' }, 'file:///a.identity.json');
    const b = linter.run(bigPolicy().replace('"Sid": "A"', '"Sid": "BB"'), { fileName: 'b.identity.json' }, 'file:///b.identity.json');
    linter.cancel('file:///a.identity.json');
    linter.cancel('file:///nothing.json');
    await assert.rejects(a, LintCancelled);
    assert.deepStrictEqual((await b).findings.map((f) => f.rule), expected);
  });
});
