import * as assert from 'assert';
import { main } from '../../server/src/cli/main';
import { CliIO } from '../../server/src/cli/io';
import { StreamedJsonArray } from '../../server/src/cli/jsonStream';
import { tempTree, removeTree } from '../helpers/cli';

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
});
