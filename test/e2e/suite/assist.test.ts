import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnosticsFor, open, rangeOf } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('hover and completion', () => {
  it('hover on an action shows its service and access level', async () => {
    const { document: doc } = await open('policies/developer.identity.json');
    await diagnosticsFor(doc.uri, 'unknown-action'); // the server has the document
    const at = rangeOf(doc, 'ListInstances').start.translate(0, 2);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)) ?? [];
    const text = hoverText(hovers);
    assert.match(text, /ListInstances/, text);
    assert.match(text, /Amazon Connect/, text);
    assert.match(text, /\bList\b/, text);
  });

  it('completion after "connect:" offers Connect actions', async () => {
    const { document: doc } = await open('policies/developer.identity.json');
    await diagnosticsFor(doc.uri, 'unknown-action');
    const at = rangeOf(doc, 'connect:ListInstances').start.translate(0, 'connect:'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
    const labels = new Set(list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)));
    for (const want of ['DescribeInstance', 'ListInstances', 'UpdateUserSecurityProfiles']) {
      assert.ok([...labels].some((l) => l === want || l === `connect:${want}`), `no ${want} among ${labels.size} items: ${[...labels].slice(0, 10).join(', ')}`);
    }
  });
});
