import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnosticsFor, noDiagnostic, open, rangeOf, restore, waitFor } from './helpers';

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `edit of "${action.title}" was refused`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('quick-fixes', () => {
  it('rewrites an unknown service prefix and the diagnostic clears', async () => {
    const { document: doc } = await open('guardrails/protect-connect.scp.json');
    const original = doc.getText();
    try {
      // The first diagnostics may come from the workspace scan before the server has the
      // open document; ask again (with fresh diagnostics) until the fix is offered.
      let offered: string[] = [];
      const fix = await waitFor('the "Change to connect" quick-fix', async () => {
        const [d] = await diagnosticsFor(doc.uri, 'unknown-service-prefix');
        const actions = await codeActions(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
        offered = actions.map((a) => a.title);
        return actions.find((a) => a.title === 'Change to "connect"');
      }, 10_000).catch((e: Error) => assert.fail(`${e.message}; offered: ${offered.join(' | ')}`));
      assert.ok(fix.isPreferred, 'the fix is the preferred one');
      await apply(fix);
      assert.ok(doc.getText().includes('"connect:DisassociateInstanceStorageConfig"'), doc.getText());
      await noDiagnostic(doc.uri, 'unknown-service-prefix');
    } finally {
      await restore(doc, original);
    }
  });

  it('"fix all" adds the missing Version and the diagnostic clears', async () => {
    const { document: doc } = await open('policies/auditor.identity.json');
    const original = doc.getText();
    try {
      await diagnosticsFor(doc.uri, 'missing-version');
      const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(original.length));
      let actions: vscode.CodeAction[] = [];
      await waitFor('the fix-all action', async () => (actions = await codeActions(doc.uri, whole, 'source.fixAll.connect-guard')).length > 0, 10_000).catch(() => undefined);
      assert.strictEqual(actions.length, 1, `offered: ${actions.map((a) => a.title).join(' | ')}`);
      await apply(actions[0]);
      assert.ok(doc.getText().startsWith('{\n  "Version": "2012-10-17",\n  "Statement"'), doc.getText());
      await noDiagnostic(doc.uri, 'missing-version');
    } finally {
      await restore(doc, original);
    }
  });

  it('offers the fix only where the finding is', async () => {
    const { document: doc } = await open('guardrails/protect-connect.scp.json');
    await diagnosticsFor(doc.uri, 'unknown-service-prefix');
    const elsewhere = await codeActions(doc.uri, rangeOf(doc, '"DenyInstanceDeletion"'), vscode.CodeActionKind.QuickFix.value);
    assert.deepStrictEqual(elsewhere.filter((a) => a.title === 'Change to "connect"').map((a) => a.title), []);
  });
});
