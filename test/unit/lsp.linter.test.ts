import * as assert from 'assert';
import * as path from 'path';
import { lint, LineIndex } from '../../server/src/engine';
import { BIG_TEXT, Linter } from '../../server/src/lsp/linter';

const log = { debug() {}, info() {}, warn() {}, error() {} };
/** The compiled server entry: started as a worker with the lint role it serves lint jobs. */
const workerScript = path.resolve(__dirname, '..', '..', 'server', 'src', 'server.js');

/** Over BIG_TEXT by indentation alone, so the engine's work stays small and the test fast. */
function bigPolicy(): string {
  const pad = ' '.repeat(BIG_TEXT / 4);
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
