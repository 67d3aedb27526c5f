import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { spawnSync } from 'child_process';
import { expandInputs, WalkProblem } from '../../server/src/cli/files';
import { readTextFile } from '../../server/src/cli/readInput';
import { timed } from '../property/support/budget';

const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
const OUT = path.resolve(__dirname, '../../server/src/cli');

/**
 * As root, mode 000 stops nothing, so the unreadable paths are checked again in a child
 * process running as nobody (uid 65534), where the modes apply.
 */
function asNobody(dir: string, script: string): unknown {
  fs.chmodSync(dir, 0o755);
  const r = spawnSync(process.execPath, ['-e', `const { readTextFile } = require(${JSON.stringify(OUT + '/readInput')}); const { expandInputs } = require(${JSON.stringify(OUT + '/files')});\n${script}`], { uid: 65534, gid: 65534, encoding: 'utf8', timeout: 30_000 });
  assert.strictEqual(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

const POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"connect:ListUsers","Resource":"*"}]}';

describe('robustness: directory walks and hostile files', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-walk-'));
  });
  afterEach(() => {
    for (const p of [dir, ...walkAll(dir)]) fs.chmodSync(p, 0o700);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function walkAll(d: string): string[] {
    const out: string[] = [];
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isSymbolicLink()) continue;
      out.push(p);
      if (e.isDirectory()) out.push(...walkAll(p));
    }
    return out;
  }
  const walk = (...inputs: string[]) => {
    const problems: WalkProblem[] = [];
    const files = expandInputs(inputs, problems);
    return { files: files.map((f) => path.relative(dir, f)), problems: problems.map((p) => ({ path: path.relative(dir, p.path), message: p.message })) };
  };

  it('a symlink loop (directory linking to its parent) is walked once', () => {
    fs.mkdirSync(path.join(dir, 'a/b'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'a/b/p.json'), POLICY);
    fs.symlinkSync('..', path.join(dir, 'a/b/up'));
    fs.symlinkSync(dir, path.join(dir, 'a/root'));
    assert.deepStrictEqual(walk(dir).files, ['a/b/p.json']);
  });

  it('a self-referencing symlink and a dangling one are reported, not fatal', () => {
    fs.writeFileSync(path.join(dir, 'ok.json'), POLICY);
    fs.symlinkSync('self.json', path.join(dir, 'self.json'));
    fs.symlinkSync('missing.json', path.join(dir, 'dangling.json'));
    const r = walk(dir);
    assert.deepStrictEqual(r.files, ['ok.json']);
    assert.deepStrictEqual(r.problems.map((p) => p.path).sort(), ['dangling.json', 'self.json']);
  });

  it(`an unreadable file (chmod 000) ${IS_ROOT ? 'is read by root (modes do not apply), and is a read problem for another user' : 'is a read problem'}`, () => {
    const f = path.join(dir, 'secret.json');
    fs.writeFileSync(f, POLICY);
    fs.chmodSync(f, 0o000);
    assert.deepStrictEqual(walk(dir).files, ['secret.json']);
    const r = readTextFile(f);
    if (IS_ROOT) {
      assert.strictEqual(r.text, POLICY, 'root reads a mode-000 file');
      assert.deepStrictEqual(asNobody(dir, `process.stdout.write(JSON.stringify(readTextFile(${JSON.stringify(f)})))`), { problem: 'cannot read (EACCES)' });
    } else assert.match(r.problem ?? '', /cannot read \(EACCES\)/);
  });

  it(`an unreadable directory (chmod 000) ${IS_ROOT ? 'is walked by root (modes do not apply), and is a walk problem for another user' : 'is a walk problem, its siblings are still found'}`, () => {
    fs.mkdirSync(path.join(dir, 'locked'));
    fs.writeFileSync(path.join(dir, 'locked/p.json'), POLICY);
    fs.writeFileSync(path.join(dir, 'open.json'), POLICY);
    fs.chmodSync(path.join(dir, 'locked'), 0o000);
    const r = walk(dir);
    if (IS_ROOT) {
      assert.deepStrictEqual(r.files, ['locked/p.json', 'open.json']);
      const problems: { path: string; message: string }[] = [];
      const files = asNobody(dir, `const problems = []; const files = expandInputs([${JSON.stringify(dir)}], problems); process.stdout.write(JSON.stringify({ files, problems }))`) as { files: string[]; problems: typeof problems };
      assert.deepStrictEqual(files.files.map((f) => path.relative(dir, f)), ['open.json']);
      assert.deepStrictEqual(files.problems.map((p) => [path.relative(dir, p.path), p.message]), [['locked', 'cannot read directory (EACCES)']]);
    } else {
      assert.deepStrictEqual(r.files, ['open.json']);
      assert.deepStrictEqual(r.problems.map((p) => p.path), ['locked']);
    }
  });

  const bad: [string, Buffer, RegExp][] = [
    ['Latin-1 (not UTF-8)', Buffer.from('{"Sid":"caf\xe9"}', 'latin1'), /not valid UTF-8/],
    ['a truncated UTF-8 sequence', Buffer.concat([Buffer.from('{"Sid":"'), Buffer.from([0xe2, 0x82]), Buffer.from('"}')]), /not valid UTF-8/],
    ['an overlong UTF-8 encoding', Buffer.concat([Buffer.from('{"Sid":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]), /not valid UTF-8/],
    ['UTF-8 encoded surrogate halves (CESU-8)', Buffer.concat([Buffer.from('{"Sid":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), /not valid UTF-8/],
    ['UTF-16 with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POLICY, 'utf16le')]), /binary|UTF-8/],
    ['binary (NUL bytes)', Buffer.from([0x7b, 0x00, 0x7d]), /binary/],
    ['a corrupt gzip', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01]), /gzip/],
  ];
  for (const [what, bytes, expected] of bad) {
    it(`${what} is a read problem with a reason`, () => {
      const f = path.join(dir, /gzip/.test(what) ? 'x.json.gz' : 'x.json');
      fs.writeFileSync(f, bytes);
      const r = readTextFile(f);
      assert.strictEqual(r.text, undefined);
      assert.match(r.problem ?? '', expected);
    });
  }

  it('a literal U+FFFD in valid UTF-8 is text, not a decoding error', () => {
    const f = path.join(dir, 'x.json');
    fs.writeFileSync(f, '{"Sid":"\ufffd"}');
    assert.strictEqual(readTextFile(f).text, '{"Sid":"\ufffd"}');
  });

  it('a gzip bomb-ish file (10 MB of spaces) decompresses and reads', () => {
    const f = path.join(dir, 'x.json.gz');
    fs.writeFileSync(f, zlib.gzipSync(Buffer.concat([Buffer.from(POLICY), Buffer.alloc(10 << 20, 0x20)])));
    assert.strictEqual(readTextFile(f).text?.trim(), POLICY);
  });

  it('10,000 files in nested directories are found in a stable order, quickly', () => {
    for (let d = 0; d < 100; d++) {
      const sub = path.join(dir, `d${String(d).padStart(3, '0')}`);
      fs.mkdirSync(sub);
      for (let i = 0; i < 100; i++) fs.writeFileSync(path.join(sub, `p${String(i).padStart(3, '0')}.json`), POLICY);
    }
    const { ms, value } = timed(() => walk(dir));
    assert.strictEqual(value.files.length, 10_000);
    assert.deepStrictEqual(value.files, [...value.files].sort());
    assert.deepStrictEqual(value.problems, []);
    // Two stat calls per entry: tens of milliseconds of CPU; 5 s would mean something quadratic.
    assert.ok(ms < 5_000, `walk took ${ms.toFixed(0)} ms of CPU`);
  });
});
