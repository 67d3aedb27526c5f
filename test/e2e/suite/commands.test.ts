import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnosticsFor, manifest, noDiagnostic, open, ours, rangeOf, restore, ruleOf, waitFor, wsUri } from './helpers';
import { expectInPage, uiDir } from './ui';

const run = (id: string, ...args: unknown[]) => vscode.commands.executeCommand(`connectGuard.${id}`, ...args);

async function setRules(value: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('connectGuard').update('rules', value, vscode.ConfigurationTarget.Workspace);
}

/** A finding as the findings tree hands it to its item commands. */
function findingArg(uri: vscode.Uri, d: vscode.Diagnostic) {
  const pos = (p: vscode.Position) => ({ line: p.line, character: p.character });
  return {
    uri: uri.toString(),
    file: vscode.workspace.asRelativePath(uri),
    rule: ruleOf(d),
    severity: 'warning',
    message: d.message,
    range: { start: pos(d.range.start), end: pos(d.range.end) },
    fixes: 1,
    diagnostic: d,
  };
}

// Each command below is run by a test in this file; a new contributed command needs one.
const EXERCISED = ['scanWorkspace', 'insertTemplate', 'addTagCondition', 'scopeToInstance', 'showRuleDocumentation', 'restartServer', 'toggleGrouping', 'disableRule', 'applyFix', 'showOutput', 'revealFinding', 'generatePolicy', 'checkActivity'].map((c) => `connectGuard.${c}`);

describe('commands', () => {
  it('every contributed command has an editor test here', () => {
    const contributed: string[] = (manifest().contributes?.commands ?? []).map((c: { command: string }) => c.command);
    assert.deepStrictEqual(contributed.filter((id) => !EXERCISED.includes(id)), [], 'add a test to test/e2e/suite/commands.test.ts and list the command in EXERCISED');
  });

  it('every contributed command is registered', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed: string[] = (manifest().contributes?.commands ?? []).map((c: { command: string }) => c.command);
    assert.ok(contributed.length > 0);
    assert.deepStrictEqual(contributed.filter((id) => !registered.has(id)), []);
  });

  it('Insert template... fills an empty policy', async () => {
    const { document: doc } = await open('policies/new-developer.identity.json');
    const original = doc.getText();
    try {
      await run('insertTemplate', 'read-only-auditor');
      await waitFor('the template text', () => doc.getText().includes('ReadCloudTrailEvents'));
      await noDiagnostic(doc.uri, 'missing-version');
    } finally {
      await restore(doc, original);
    }
  });

  it('Show rule documentation opens the shipped page', async () => {
    await run('showRuleDocumentation', 'unknown-action');
    await waitFor('a preview of unknown-action.md', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.label.includes('unknown-action')));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Disable rule turns the rule off for the workspace', async () => {
    const uri = wsUri('policies/auditor.identity.json');
    try {
      await diagnosticsFor(uri, 'missing-version');
      await run('disableRule', 'missing-version');
      await noDiagnostic(uri, 'missing-version');
    } finally {
      await setRules(undefined);
    }
    await diagnosticsFor(uri, 'missing-version');
  });

  it('Apply fix and Go to finding act on a finding from the tree', async () => {
    const { document: doc } = await open('policies/developer.identity.json');
    const original = doc.getText();
    try {
      const [d] = await diagnosticsFor(doc.uri, 'unknown-action');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await run('revealFinding', findingArg(doc.uri, d));
      const editor = await waitFor('the finding revealed', () => vscode.window.activeTextEditor?.document.uri.toString() === doc.uri.toString() && vscode.window.activeTextEditor);
      assert.ok(editor.selection.isEqual(new vscode.Selection(d.range.start, d.range.end)), 'the selection is the finding');
      await run('applyFix', findingArg(doc.uri, d));
      await waitFor('the fix', () => doc.getText().includes('"connect:DescribeInstance"'));
      await noDiagnostic(doc.uri, 'unknown-action');
    } finally {
      await restore(doc, original);
    }
  });

  it('Scan workspace and Restart server leave a working server', async () => {
    await run('scanWorkspace');
    await diagnosticsFor(wsUri('policies/auditor.identity.json'), 'missing-version');
    await run('restartServer');
    const { document: doc } = await open('policies/developer.identity.json');
    const original = doc.getText();
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, rangeOf(doc, 'ListInstances'), 'ListInstancez');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor('a new finding after the restart', () => ours(doc.uri, 'unknown-action').length === 2);
    } finally {
      await restore(doc, original);
    }
  });

  it('Generate policy from a CloudTrail log opens a new policy that lints clean', async () => {
    await open('logs/admin.cloudtrail.json');
    const before = new Set(vscode.workspace.textDocuments);
    await run('generatePolicy', ''); // '' = every principal, no input box
    const generated = await waitFor('the generated policy', () => vscode.workspace.textDocuments.find((d) => !before.has(d) && d.uri.scheme === 'untitled' && d.getText().includes('"connect:ListUsers"')));
    const policy = JSON.parse(generated.getText());
    assert.strictEqual(policy.Version, '2012-10-17');
    // The server lints untitled documents too: nothing at warning or error level may appear.
    await new Promise((r) => setTimeout(r, 1500));
    const bad = vscode.languages.getDiagnostics(generated.uri).filter((d) => d.source === 'connect-guard' && d.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepStrictEqual(bad.map((d) => `${ruleOf(d)}: ${d.message}`), []);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Check policy against activity adds unused and missing findings to the policy', async () => {
    const editor = await open('policies/flows.identity.json');
    const doc = editor.document;
    await run('checkActivity', [wsUri('logs/admin.cloudtrail.json').fsPath], '');
    const ds = await waitFor('activity findings', () => {
      const got = vscode.languages.getDiagnostics(doc.uri).filter((d) => ruleOf(d)?.startsWith('activity-'));
      return got.length >= 2 ? got : undefined;
    });
    const unused = ds.find((d) => ruleOf(d) === 'activity-unused-permission');
    assert.ok(unused, ds.map((d) => ruleOf(d)).join());
    assert.deepStrictEqual(unused.range, rangeOf(doc, '"connect:UpdateContactFlowContent"'));
    const missing = ds.find((d) => ruleOf(d) === 'activity-missing-permission');
    assert.ok(missing && /connect:ListUsers/.test(missing.message), missing?.message);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Show output opens the output channel', async () => {
    await run('showOutput');
    await waitFor('the connect-guard output', () => vscode.window.visibleTextEditors.some((e) => e.document.uri.scheme === 'output'));
  });

  it('Toggle tree grouping cycles through the groupings', async () => {
    await vscode.commands.executeCommand('connectGuard.findings.focus');
    await run('toggleGrouping'); // by rule
    if (uiDir) await expectInPage({ step: 'tree', texts: ['connect-guard', 'unknown-action', 'ct-root-activity'] });
    for (let i = 0; i < 3; i++) await run('toggleGrouping'); // principal, API, back to file
    if (uiDir) await expectInPage({ step: 'tree', texts: ['connect-guard', 'developer.identity.json'] });
  });

  if (!uiDir) return; // the two below answer an input box, which needs the browser harness

  it('Add tag-based access condition asks for the tag key and adds the condition', async () => {
    const editor = await open('policies/flows.identity.json');
    const doc = editor.document;
    const original = doc.getText();
    try {
      await diagnosticsFor(doc.uri, 'connect-tag-based-access');
      const at = rangeOf(doc, 'UpdateContactFlowContent').start;
      editor.selection = new vscode.Selection(at, at);
      const done = run('addTagCondition');
      await expectInPage({ step: 'input', texts: ['Team'] });
      await done;
      await waitFor('the condition', () => doc.getText().includes('aws:ResourceTag/Team'));
      await noDiagnostic(doc.uri, 'connect-tag-based-access');
    } finally {
      await restore(doc, original);
    }
  });

  it('Scope to Connect instance asks for the ARN and scopes the statement', async () => {
    const editor = await open('policies/flows.identity.json');
    const doc = editor.document;
    const original = doc.getText();
    const arn = 'arn:aws:connect:eu-west-2:111122223333:instance/11111111-2222-3333-4444-555555555555';
    try {
      await diagnosticsFor(doc.uri, 'connect-tag-based-access');
      const at = rangeOf(doc, 'UpdateContactFlowContent').start;
      editor.selection = new vscode.Selection(at, at);
      const done = run('scopeToInstance');
      await expectInPage({ step: 'input', texts: [arn] });
      await done;
      await waitFor('the instance ARN', () => doc.getText().includes(arn));
    } finally {
      await restore(doc, original);
    }
  });
});
