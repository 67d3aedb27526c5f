// Last: what the user sees in the editor, checked in the page and photographed for the
// README (npm run screenshots writes the pictures to docs/images/).
import * as vscode from 'vscode';
import { diagnosticsFor, open, rangeOf } from './helpers';
import { expectInPage, uiDir } from './ui';

describe('in the window', () => {
  if (!uiDir) return;

  it('shows the squiggle and the Problems row naming the rule', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await open('policies/developer.identity.json');
    await diagnosticsFor(editor.document.uri, 'unknown-action');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    // Only the active file's problems, so its row is in view whatever else the workspace has.
    await vscode.commands.executeCommand('workbench.actions.workbench.panel.markers.view.toggleActiveFile');
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    await expectInPage({ step: 'squiggle', texts: [] });
    await expectInPage({ step: 'problems', texts: ['unknown-action', 'DescribeInstanse'], screenshot: 'problems.png' });
  });

  it('shows the finding and the action documentation on hover', async () => {
    const editor = await open('policies/developer.identity.json');
    const at = rangeOf(editor.document, 'DescribeInstanse').start.translate(0, 3);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.showHover');
    await expectInPage({ step: 'hover', texts: ['connect:DescribeInstance'], screenshot: 'hover.png' });
  });
});
