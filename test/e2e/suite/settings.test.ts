import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnosticsFor, noDiagnostic, open, ours, waitFor } from './helpers';

const RULE = 'unknown-action';

async function setRules(value: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('connectGuard').update('rules', value, vscode.ConfigurationTarget.Workspace);
}

describe('settings', () => {
  afterEach(() => setRules(undefined));

  it('a severity override changes the diagnostic severity', async () => {
    const { document: doc } = await open('policies/developer.identity.json');
    const [d] = await diagnosticsFor(doc.uri, RULE);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    await setRules({ [RULE]: 'error' });
    await waitFor(`${RULE} as an error`, () => ours(doc.uri, RULE).some((x) => x.severity === vscode.DiagnosticSeverity.Error));
    await setRules(undefined);
    await waitFor(`${RULE} back to a warning`, () => ours(doc.uri, RULE).some((x) => x.severity === vscode.DiagnosticSeverity.Warning));
  });

  it('"off" removes the rule, and it comes back when the setting goes', async () => {
    const { document: doc } = await open('policies/developer.identity.json');
    await diagnosticsFor(doc.uri, RULE);
    await setRules({ [RULE]: 'off' });
    await noDiagnostic(doc.uri, RULE);
    await setRules(undefined);
    await diagnosticsFor(doc.uri, RULE);
  });

  it('the "Disable rule" quick-fix turns the rule off for the workspace', async () => {
    const { document: doc } = await open('policies/developer.identity.json');
    const [d] = await diagnosticsFor(doc.uri, RULE);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const disable = actions.find((a) => a.title === `Disable rule ${RULE} in this workspace`);
    assert.ok(disable?.command, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.commands.executeCommand(disable.command.command, ...(disable.command.arguments ?? []));
    await noDiagnostic(doc.uri, RULE);
    assert.strictEqual(vscode.workspace.getConfiguration('connectGuard').get<Record<string, string>>('rules')?.[RULE], 'off');
  });
});
