import * as assert from 'assert';
import { runCli, tempTree, removeTree } from '../helpers/cli';

const BROAD = '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:UpdateQueueName",\n    "Resource": "*"\n  }]\n}\n';
const NO_VERSION = '{\n  "Statement": [{ "Effect": "Deny", "Action": "connect:DeleteInstance", "Resource": "*" }]\n}\n';
const CLEAN = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Deny", "Action": "connect:DeleteInstance", "Resource": "*" }]\n}\n';

describe('cli: text and json output', () => {
  let dir: string;
  before(() => {
    dir = tempTree({ 'a/broad.identity.json': BROAD, 'b/guard.scp.json': NO_VERSION, 'b/clean.scp.json': CLEAN });
  });
  after(() => removeTree(dir));

  it('prints file:line:col severity rule message, one finding a line, and a summary', async () => {
    const r = await runCli(['lint', 'a/broad.identity.json', 'b/guard.scp.json', '--fail-on', 'never'], dir);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.err, '');
    const lines = r.out.trimEnd().split('\n');
    assert.deepStrictEqual(lines.slice(0, -1).map((l) => l.split(' ').slice(0, 3).join(' ')), [
      'a/broad.identity.json:6:17 info connect-tag-based-access',
      'b/guard.scp.json:1:1 warning missing-version',
    ]);
    assert.match(lines[0], / Resource "\*" lets 1 Amazon Connect write action \(connect:UpdateQueueName\)/);
    assert.strictEqual(lines[lines.length - 1], '2 files checked, 2 with findings: 0 errors, 1 warning, 1 info.');
  });
  it('walks directories in a stable order and reports a clean run', async () => {
    const r = await runCli(['lint', 'b/clean.scp.json'], dir);
    assert.deepStrictEqual([r.code, r.out], [0, '1 file checked, no findings.\n']);
    const all = await runCli(['lint', '.', '--fail-on', 'never'], dir);
    assert.match(all.out, /^a\/broad\.identity\.json:.*\nb\/guard\.scp\.json:/);
    assert.match(all.out, /3 files checked, 2 with findings/);
  });
  it('colours severities only on a terminal, and never with NO_COLOR', async () => {
    const plain = await runCli(['lint', 'b/guard.scp.json', '--fail-on', 'never'], dir);
    assert.ok(!plain.out.includes('\u001b['));
    const tty = await runCli(['lint', 'b/guard.scp.json', '--fail-on', 'never'], dir, { isTTY: true });
    assert.ok(tty.out.includes('\u001b[33mwarning\u001b[0m'), JSON.stringify(tty.out));
    const noColor = await runCli(['lint', 'b/guard.scp.json', '--fail-on', 'never'], dir, { isTTY: true, env: { NO_COLOR: '1' } });
    assert.ok(!noColor.out.includes('\u001b['));
  });
  it('--quiet prints errors only but still counts everything', async () => {
    const r = await runCli(['lint', 'a', 'b', '--quiet', '--fail-on', 'never'], dir);
    assert.strictEqual(r.out, '3 files checked, 2 with findings: 0 errors, 1 warning, 1 info.\n');
  });
  it('json has 1-based positions and the finding fields', async () => {
    const r = await runCli(['lint', 'b/guard.scp.json', '--format', 'json', '--fail-on', 'never'], dir);
    const doc = JSON.parse(r.out);
    assert.strictEqual(doc.files.length, 1);
    const f = doc.files[0].findings[0];
    assert.deepStrictEqual(
      { path: doc.files[0].path, rule: f.rule, severity: f.severity, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, offset: f.offset, length: f.length },
      { path: 'b/guard.scp.json', rule: 'missing-version', severity: 'warning', line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0, length: 1 },
    );
    assert.strictEqual(f.fixes[0].title, 'Add "Version": "2012-10-17"');
  });
  it('--output writes the report to a file', async () => {
    const r = await runCli(['lint', 'b/guard.scp.json', '--format', 'json', '--output', 'report.json', '--fail-on', 'never'], dir);
    assert.strictEqual(r.out, '');
    const fs = await import('fs');
    const path = await import('path');
    assert.strictEqual(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).files[0].findings[0].rule, 'missing-version');
  });
  it('a bare path means lint, also a directory name without a slash', async () => {
    const r = await runCli(['b/guard.scp.json', '--fail-on', 'never'], dir);
    assert.match(r.out, /^b\/guard\.scp\.json:1:1 warning missing-version/);
    const d = await runCli(['b', '--fail-on', 'never'], dir);
    assert.match(d.out, /^b\/guard\.scp\.json:1:1 warning missing-version/);
  });
  it('rules prints the catalogue as text, markdown and json', async () => {
    const text = await runCli(['rules'], dir);
    assert.match(text.out, /^CG1001  json-syntax /m);
    assert.match(text.out, /^CG3003  connect-emergency-access\s+error /m);
    const md = await runCli(['rules', '--format', 'markdown'], dir);
    assert.match(md.out, /^\| CG3001 \| \[`connect-wildcard-allow`\]\(connect-wildcard-allow\.md\) \| warning \| identity \|/m);
    const json = JSON.parse((await runCli(['rules', '--format', 'json'], dir)).out);
    assert.deepStrictEqual(json.find((r: { name: string }) => r.name === 'endpoint-open-principal').kinds, ['endpoint', 'resource']);
  });
});
