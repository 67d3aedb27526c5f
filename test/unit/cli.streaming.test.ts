import * as assert from 'assert';
import { main } from '../../server/src/cli/main';
import { CliIO } from '../../server/src/cli/io';
import { StreamedJsonArray } from '../../server/src/cli/jsonStream';
import { spawn } from 'child_process';
import * as path from 'path';
import { tempTree, removeTree, ROOT } from '../helpers/cli';

const NO_VERSION = '{\n  "Statement": [{ "Effect": "Deny", "Action": "connect:DeleteInstance", "Resource": "*" }]\n}\n';
const CLEAN = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Deny", "Action": "connect:DeleteInstance", "Resource": "*" }]\n}\n';

function streamed(skeleton: (items: unknown[]) => unknown, items: unknown[]): { text: string; writes: number } {
  let text = '';
  let writes = 0;
  const a = new StreamedJsonArray(skeleton, (s) => {
    text += s;
    writes++;
  });
  for (const i of items) a.push(i);
  a.end();
  return { text, writes };
}

describe('cli: output is streamed file by file', () => {
  describe('StreamedJsonArray', () => {
    const deep = (items: unknown[]) => ({ v: '1', runs: [{ tool: { n: 'x' }, results: items, after: [1, 2] }] });
    it('writes the same bytes as JSON.stringify(whole, null, 2) for 0, 1 and 3 items', () => {
      const items = [{ a: 1, b: ['x', { c: 'line\nbreak' }] }, 'plain', [[], {}]];
      for (const n of [0, 1, 3]) {
        const { text } = streamed(deep, items.slice(0, n));
        assert.strictEqual(text, JSON.stringify(deep(items.slice(0, n)), null, 2) + '\n', `${n} items`);
      }
    });
    it('streams an array nested in an item the same way (empty, one, several, next to plain items)', () => {
      const outer = (items: unknown[]) => ({ version: '0.1.0', files: items });
      const inner = (n: number) => (items: unknown[]) => ({ path: `f${n}`, findings: items });
      for (const sizes of [[0], [2], [1, 0, 3]]) {
        let text = '';
        const a = new StreamedJsonArray(outer, (s) => void (text += s));
        a.push({ plain: true });
        sizes.forEach((size, n) => {
          const f = a.nested(inner(n));
          for (let i = 0; i < size; i++) f.push({ i, nested: [i, { deep: 'x' }] });
          f.end();
        });
        a.end();
        const whole = outer([{ plain: true }, ...sizes.map((size, n) => inner(n)(Array.from({ length: size }, (_, i) => ({ i, nested: [i, { deep: 'x' }] }))))]);
        assert.strictEqual(text, JSON.stringify(whole, null, 2) + '\n', `sizes ${sizes}`);
      }
    });
    it('writes once per item plus the closing part', () => {
      assert.strictEqual(streamed(deep, [1, 2, 3]).writes, 4);
      assert.strictEqual(streamed((files) => ({ files }), []).text, '{\n  "files": []\n}\n');
    });
  });

  for (const format of ['text', 'json', 'sarif']) {
    it(`${format}: the first file's findings are written before the last file is read`, async () => {
      const dir = tempTree({ 'a.scp.json': NO_VERSION, 'b.scp.json': CLEAN, 'c.scp.json': NO_VERSION });
      try {
        const chunks: string[] = [];
        const io: CliIO = { out: (s) => void chunks.push(s), err: () => undefined, isTTY: false, cwd: dir, env: {} };
        const code = await main(['lint', '.', '--format', format, '--fail-on', 'warning'], io);
        assert.strictEqual(code, 1);
        const first = chunks.findIndex((c) => c.includes('a.scp.json'));
        const last = chunks.findIndex((c) => c.includes('c.scp.json'));
        assert.ok(first >= 0 && last > first, `chunks: ${JSON.stringify(chunks.map((c) => c.slice(0, 40)))}`);
      } finally {
        removeTree(dir);
      }
    });
  }

  it('output piped into a reader that closes early (`| head`) ends quietly: exit 0, nothing on stderr', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`p${String(i).padStart(3, '0')}.scp.json`] = NO_VERSION;
    const dir = tempTree(files);
    try {
      const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'lint', '.', '--format', 'json', '--fail-on', 'never'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.deepStrictEqual([code, err], [0, '']);
    } finally {
      removeTree(dir);
    }
  });
});
