/** Bugs found by the property and adversarial tests, fixed; each stays as a regression test. */
import * as assert from 'assert';
import { tempTree, removeTree } from '../helpers/cli';
import { main } from '../../server/src/cli/main';
import { lint, applyFix, parseJson, Finding, DocumentKind } from '../../server/src/engine';
import { fixAll } from '../../server/src/cli/commands/lint';
import { timed, timeBoundMs } from '../property/support/budget';

function preferredFixes(text: string, kind: DocumentKind): { f: Finding; title: string; fixed: string }[] {
  return lint(text, { kind }).findings.flatMap((f) => (f.fixes ?? []).filter((x) => x.preferred).map((x) => ({ f, title: x.title, fixed: applyFix(text, x) })));
}
import { fixAllText } from '../../server/src/engine/assist/fixAll';

describe('robustness: fixed bugs from the pending list', function () {
  this.timeout(30_000);
  it('rules/grammar/jsonSyntax.ts: "Remove trailing comma" is not offered for a comma followed by ":" (not "}" or "]")', () => {
    const text = '{"a": 1,: 2}';
    const trailing = lint(text, { kind: 'identity' }).findings.filter((f) => /Trailing comma/.test(f.message));
    for (const t of trailing) {
      const fixed = applyFix(text, t.fixes![0]);
      const errors = (s: string) => parseJson(s).errors.length;
      assert.ok(errors(fixed) < errors(text), `"${t.fixes![0].title}" turned ${text} into ${fixed}: no fewer syntax errors`);
    }
  });

  it('cli/commands/lint.ts: an --output path with a NUL character is a usage error, not an internal error', async () => {
    let err = '';
    // Its own folder: linting the shared temporary folder would take as long as that folder is big.
    const dir = tempTree({ 'a.identity.json': '{}' });
    try {
      const code = await main(['lint', '--output', 'out\u0000.txt', '--fail-on', 'never'], { out: () => undefined, err: (s) => void (err += s), isTTY: false, cwd: dir, env: {} });
      assert.strictEqual(code, 2);
      assert.ok(!/internal error/.test(err), err);
    } finally {
      removeTree(dir);
    }
  });


  it('rules/iam/stringRange.ts rangeInString: an unterminated string is mapped to its end, so unknown-action\'s fix changes the text and fix all settles', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"connect:DeleteInstance,\n"Resource":"*"}]}';
    for (const p of preferredFixes(text, 'scp')) assert.notStrictEqual(p.fixed, text, `${p.f.rule} "${p.title}" changes nothing`);
    const out = fixAll(text, (t) => lint(t, { kind: 'scp' }).findings);
    assert.deepStrictEqual(lint(out, { kind: 'scp' }).findings.filter((f) => f.fixes?.some((x) => x.preferred)).map((f) => f.rule), []);
  });

  it('rules/grammar/invalidCharacters.ts: after an invalid escape ("\\" then an astral character) it reports a lone surrogate and its range cuts the valid pair in the text in half', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Sid":"\\\u{1F600}x","Effect":"Allow","Action":"connect:ListUsers","Resource":"*"}]}';
    const pair = text.indexOf('\u{1F600}');
    for (const f of lint(text, { kind: 'identity' }).findings) {
      for (const edge of [f.offset, f.offset + f.length]) assert.notStrictEqual(edge, pair + 1, `${f.rule} [${f.offset}, +${f.length}] "${f.message}" splits the surrogate pair`);
      assert.ok(!/[\ud800-\udfff]/.test(f.message.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')), `${f.rule} message holds a lone surrogate: ${JSON.stringify(f.message)}`);
    }
  });
  it('cloudtrail/scanner.ts: a syntax error on an astral character gets [offset, +1], half a surrogate pair', () => {
    for (const text of ['{"Records":[{"eventVersion":"1.11"} \u{10000}]}', '{"Records":\u{10000} [{"eventVersion":"1.11"}]}']) {
      const pair = text.indexOf('\u{10000}');
      for (const f of lint(text, { kind: 'cloudtrail' }).findings) {
        assert.ok(f.offset !== pair + 1 && f.offset + f.length !== pair + 1, `${f.rule} "${f.message}" [${f.offset}, +${f.length}] splits the pair in ${JSON.stringify(text)}`);
      }
    }
  });

  it('iam/actions.ts patternCovers (used by redundant-action): long patterns stay within the time bound', () => {
    lint('{}');
    const text = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["connect:${'*?'.repeat(5_000)}x","connect:${'a'.repeat(100_000)}*"],"Resource":"*"}]}`;
    const { ms } = timed(() => lint(text, { kind: 'identity' }));
    assert.ok(ms < timeBoundMs(text.length), `${ms.toFixed(0)} ms of CPU for ${text.length} characters (bound ${timeBoundMs(text.length).toFixed(0)} ms)`);
  });
  it('fix all applies touching, non-overlapping fixes in one pass', () => {
    // Four adjacent edits: [15,30) [30,81) [81,96) [96,105).
    const text = '{"Statement":[{"Principal":{},"NotPrincipal":{"Service":"connect.amazonaws.com"},"Condition":{},"Actions":"*"}]}';
    let lints = 0;
    fixAllText(text, (t) => {
      lints++;
      return lint(t, { kind: 'identity' }).findings;
    });
    assert.ok(lints <= 3, `linted ${lints} times`);
  });
});

describe('overlaps reported by the grammar engineer', () => {
  const policy = (resource: string, action = 'connect:DescribeUser') =>
    `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"${action}","Resource":"${resource}"}]}`;
  it("invalid-arn accepts a variable default with a space: ${aws:username, 'x'}", () => {
    const text = policy("arn:aws:connect:eu-west-2:111122223333:instance/a1b2c3d4-1111-2222-3333-444455556666/agent/${aws:username, 'nobody'}");
    assert.deepStrictEqual(lint(text, { kind: 'identity' }).findings.filter((f) => f.rule === 'invalid-arn').map((f) => f.message), []);
    const spaced = policy('arn:aws:connect:eu-west-2:111122223333:instance/a b');
    assert.strictEqual(lint(spaced, { kind: 'identity' }).findings.filter((f) => f.rule === 'invalid-arn').length, 1);
  });
  it('unknown-action leaves an action with a policy variable to policy-variable', () => {
    const text = policy('*', 'connect:${aws:username}');
    const rules = lint(text, { kind: 'identity' }).findings.map((f) => f.rule);
    assert.ok(!rules.includes('unknown-action'), rules.join());
    assert.ok(rules.includes('policy-variable'), rules.join());
  });
});
