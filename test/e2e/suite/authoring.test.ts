import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnosticsFor, noDiagnostic, open, ours, restore, waitFor } from './helpers';

const TEMPLATE_KIND = 'refactor.insert.connect-guard';

/** No error-level finding once the server has linted the new text (missing-version gone). */
async function expectLintsClean(doc: vscode.TextDocument): Promise<void> {
  await noDiagnostic(doc.uri, 'missing-version');
  const errors = ours(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
  assert.deepStrictEqual(errors.map((d) => `${d.code && typeof d.code === 'object' ? d.code.value : d.code}: ${d.message}`), []);
}

describe('authoring', () => {
  it('inserts the development user persona template into an empty policy', async () => {
    const { document: doc } = await open('policies/new-developer.identity.json');
    const original = doc.getText();
    try {
      await diagnosticsFor(doc.uri, 'missing-version');
      const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(original.length));
      // The first diagnostics may come from the workspace scan, before the server has
      // analysed the open document; the templates are offered once it has.
      const actions = await waitFor('the persona templates to be offered', async () => {
        const got = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, TEMPLATE_KIND)) ?? [];
        return got.length > 0 && got;
      }, 10_000);
      const titles = actions.map((a) => a.title);
      for (const persona of ['development user', 'service administrator', 'application resource', 'read-only auditor']) {
        assert.ok(titles.includes(`Insert template: ${persona}`), `offered: ${titles.join(' | ')}`);
      }
      const template = actions.find((a) => a.title === 'Insert template: development user')!;
      assert.ok(await vscode.workspace.applyEdit(template.edit!));
      const text = doc.getText();
      assert.ok(JSON.parse(text).Statement.some((s: { Sid?: string }) => s.Sid === 'CreateDeveloperFlows'), text);
      await expectLintsClean(doc);
    } finally {
      await restore(doc, original);
    }
  });
});

describe('snippets', () => {
  it('the SCP guardrail snippet expands to a policy that lints clean', async () => {
    const editor = await open('guardrails/new.scp.json');
    const doc = editor.document;
    const original = doc.getText();
    try {
      await diagnosticsFor(doc.uri, 'missing-version');
      editor.selection = new vscode.Selection(doc.positionAt(0), doc.positionAt(original.length));
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'json', name: 'SCP: deny deleting the Connect instance' });
      const policy = JSON.parse(doc.getText());
      assert.strictEqual(policy.Statement[0].Action, 'connect:DeleteInstance', doc.getText());
      await expectLintsClean(doc);
    } finally {
      await restore(doc, original);
    }
  });
});
