import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { diagnosticsFor, manifest, noDiagnostic, open, restore, wsUri } from './helpers';
import { expectInPage, uiDir } from './ui';

const VIEW = 'connectGuard.findings';

/** The title of the activity-bar container that holds the findings view. */
function containerTitle(): string {
  const contributes = manifest().contributes ?? {};
  const container = Object.entries(contributes.views ?? {}).find(([, views]) => (views as { id: string }[]).some((v) => v.id === VIEW))?.[0];
  assert.ok(container, `no contributed view ${VIEW}`);
  const entry = (contributes.viewsContainers?.activitybar ?? []).find((c: { id: string }) => c.id === container);
  assert.ok(entry, `${VIEW} is not in an activity-bar container (it is in ${container})`);
  return entry.title;
}

describe('findings tree', () => {
  it('is contributed in its own activity-bar container', () => {
    assert.ok(containerTitle());
  });

  // The tree is checked where the user sees it, so only the browser harness can run these.
  if (!uiDir) return;

  it('lists the workspace files with findings, in the activity-bar container', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await open('guardrails/protect-connect.scp.json');
    await vscode.commands.executeCommand(`${VIEW}.focus`);
    await expectInPage({
      step: 'tree',
      texts: [containerTitle(), 'developer.identity.json', 'protect-connect.scp.json', 'connect.vpce.json', 'admin.cloudtrail.json', 'archived.cloudtrail.json'],
      screenshot: 'findings-tree.png',
    });
  });

  it('drops a file when an edit fixes its last finding', async () => {
    const { document: doc } = await open('endpoints/connect.vpce.json');
    const original = doc.getText();
    try {
      await diagnosticsFor(doc.uri, 'endpoint-connect-no-privatelink');
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(original.length)), original.replace('"connect:StartChatContact", ', ''));
      assert.ok(await vscode.workspace.applyEdit(edit));
      await noDiagnostic(doc.uri, 'endpoint-connect-no-privatelink');
      await vscode.commands.executeCommand(`${VIEW}.focus`);
      await expectInPage({ step: 'tree', texts: [containerTitle(), 'developer.identity.json'], absent: ['connect.vpce.json'] });
    } finally {
      await restore(doc, original);
    }
    await vscode.commands.executeCommand(`${VIEW}.focus`);
    await expectInPage({ step: 'tree', texts: [containerTitle(), 'connect.vpce.json'] });
  });

  // No test opens this file: a document an extension opened stays open (and owns its
  // diagnostics) for minutes after its editor closes, which is not what a user meets.
  it('drops a file deleted on disk', async () => {
    const uri = wsUri('logs/archived.cloudtrail.json');
    await diagnosticsFor(uri, 'ct-root-activity');
    const saved = fs.readFileSync(uri.fsPath);
    fs.unlinkSync(uri.fsPath);
    try {
      await noDiagnostic(uri, 'ct-root-activity');
      await vscode.commands.executeCommand(`${VIEW}.focus`);
      await expectInPage({ step: 'tree', texts: [containerTitle(), 'developer.identity.json'], absent: ['archived.cloudtrail.json'] });
    } finally {
      fs.writeFileSync(uri.fsPath, saved);
    }
    await diagnosticsFor(uri, 'ct-root-activity');
  });
});
