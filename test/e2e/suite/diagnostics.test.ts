import * as assert from 'assert';
import * as vscode from 'vscode';
import { assertRange, diagnosticsFor, open, rangeOf } from './helpers';

// One document of each kind; the kind comes from the file name, and each rule below
// fires only for its kind. Expected ranges are the exact text the finding must cover.
const CASES: { file: string; rule: string; at: string; severity: vscode.DiagnosticSeverity; mentions: RegExp }[] = [
  { file: 'policies/developer.identity.json', rule: 'unknown-action', at: 'DescribeInstanse', severity: vscode.DiagnosticSeverity.Warning, mentions: /connect:DescribeInstance/ },
  { file: 'guardrails/protect-connect.scp.json', rule: 'unknown-service-prefix', at: 'conect', severity: vscode.DiagnosticSeverity.Error, mentions: /"connect"/ },
  { file: 'endpoints/connect.vpce.json', rule: 'endpoint-connect-no-privatelink', at: '"connect:StartChatContact"', severity: vscode.DiagnosticSeverity.Warning, mentions: /VPC endpoint/ },
  { file: 'logs/admin.cloudtrail.json', rule: 'ct-root-activity', at: '"ListUsers"', severity: vscode.DiagnosticSeverity.Error, mentions: /root/ },
];

describe('diagnostics', () => {
  for (const c of CASES) {
    it(`${c.file}: ${c.rule} at ${c.at}`, async () => {
      const { document: doc } = await open(c.file);
      const found = await diagnosticsFor(doc.uri, c.rule);
      assert.strictEqual(found.length, 1, found.map((d) => d.message).join('\n'));
      const [d] = found;
      assertRange(d.range, rangeOf(doc, c.at), doc);
      assert.strictEqual(d.severity, c.severity);
      assert.match(d.message, c.mentions);
    });
  }

  it('links each diagnostic to its rule documentation', async () => {
    const { document: doc } = await open('policies/developer.identity.json');
    const [d] = await diagnosticsFor(doc.uri, 'unknown-action');
    assert.ok(typeof d.code === 'object' && d.code.value === 'unknown-action', `code: ${JSON.stringify(d.code)}`);
    assert.match(d.code.target.toString(), /unknown-action/);
  });
});
