/**
 * Bugs the property and adversarial tests found, fixed by their owners: the minimal inputs
 * stay as regression tests.
 */
import * as assert from 'assert';
import { tempTree, removeTree } from '../helpers/cli';
import { main } from '../../server/src/cli/main';
import { lint, parseJson } from '../../server/src/engine';
import { fixAll } from '../../server/src/cli/commands/lint';
import { timed, timeBoundMs } from '../property/support/budget';

describe('robustness: regressions found by the property tests', function () {
  this.timeout(120_000);

  it('fix all: adjacent (not overlapping) edits are applied in the same pass', () => {
    const text = '{"Statement":[{"Principal":{},"NotPrincipal":{"Service":"connect.amazonaws.com"},"Actions":"*"}]}';
    let passes = 0;
    fixAll(text, (t) => {
      passes++;
      return lint(t, { kind: 'identity' }).findings;
    });
    assert.ok(passes <= 3, `fix all linted ${passes} times (two passes that change the text, then one that finds nothing, expected)`);
  });

  it('ct-record-structure: eventType "constructor", "__proto__" or "toString" is an unknown value, not a lookup that throws', () => {
    for (const v of ['constructor', '__proto__', 'toString']) {
      const text = `{"Records":[{"eventVersion":"1.11","eventType":"${v}"}]}`;
      const errs = lint(text, { kind: 'cloudtrail' }).findings.filter((f) => f.rule === 'internal-error');
      assert.deepStrictEqual(errs.map((f) => f.message), [], `eventType "${v}"`);
    }
  });

  it('redundant-action: linear in the number of duplicates (200,000 copies of one action)', () => {
    lint('{}');
    const text = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[${new Array(200_000).fill('"connect:ListUsers"').join(',')}],"Resource":"*"}]}`;
    const { ms } = timed(() => lint(text, { kind: 'identity' }));
    assert.ok(ms < timeBoundMs(text.length), `${ms.toFixed(0)} ms of CPU for ${text.length} characters (bound ${timeBoundMs(text.length).toFixed(0)} ms)`);
  });

  it('json.ts: an unclosed block comment at the end is clamped to the text, so "Remove comment" edits inside it', () => {
    for (const text of ['{"a":1}/*', '{"a": "x"y/*",\r\n "b"\r\n}\r\n', '{"Version":"2012-10-17"} /* open\n']) {
      const doc = parseJson(text);
      for (const r of [...doc.comments, ...doc.errors]) assert.ok(r.offset + r.length <= text.length, `${JSON.stringify(text)}: [${r.offset}, +${r.length}]`);
      for (const f of lint(text, { kind: 'identity' }).findings) for (const fx of f.fixes ?? []) for (const e of fx.edits) assert.ok(e.offset + e.length <= text.length, `${f.rule} fix "${fx.title}" edits [${e.offset}, +${e.length}] of ${text.length}`);
    }
  });

  it('cli/main.ts: an --output path in a missing folder is an I/O problem (exit 2, path and code), not an internal error', async () => {
    let err = '';
    const dir = tempTree({ 'a.identity.json': '{}' });
    try {
      const code = await main(['lint', '--output', 'no/such/folder/out.txt', '--fail-on', 'never'], { out: () => undefined, err: (s) => void (err += s), isTTY: false, cwd: dir, env: {} });
      assert.strictEqual(code, 2);
      assert.match(err, /^connect-guard: cannot open .*no\/such\/folder\/out\.txt \(ENOENT\)\n$/);
    } finally {
      removeTree(dir);
    }
  });

  it('CloudTrail: a record starting with an astral character is not given half a surrogate pair as its range', () => {
    for (const text of ['\u{10000}{"eventVersion":"1.11"}', '{"Records":[\u{10000}{"eventVersion":"1.11"}]}']) {
      const pair = text.indexOf('\u{10000}');
      for (const f of lint(text, { kind: 'cloudtrail' }).findings) {
        assert.ok(f.offset !== pair + 1 && f.offset + f.length !== pair + 1, `${f.rule} [${f.offset}, +${f.length}] splits the pair in ${JSON.stringify(text)}`);
      }
    }
  });

});
