import * as assert from 'assert';
import type { CodeAction, CompletionItem, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { startClient, TestClient, applyWorkspaceEdit, positionOf } from './harness';

function codeActions(c: TestClient, uri: string, at: { line: number; character: number }, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  return c.rpc.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics, only } });
}

describe('protocol: code actions, hover, completion', function () {
  this.timeout(20000);
  let c: TestClient;
  before(async () => {
    c = await startClient(null);
  });
  after(() => c.close());

  it('offers the engine fix as a preferred quick-fix; applying it clears the finding', async () => {
    const uri = 'file:///protocol/actions/fix.identity.json';
    const text = '{\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" }]\n}';
    c.open(uri, text);
    const ds = (await c.waitForDiagnostics(uri)).filter((d) => d.code === 'missing-version');
    const actions = await codeActions(c, uri, ds[0].range.start, ds, ['quickfix']);
    const fix = actions.find((a) => a.title === 'Add "Version": "2012-10-17"');
    assert.ok(fix && fix.isPreferred && fix.kind === 'quickfix', JSON.stringify(actions.map((a) => a.title)));
    assert.ok(actions.some((a) => a.title === 'Disable rule missing-version in this workspace' && a.command?.command === 'connectGuard.disableRule' && a.command.arguments?.[0] === 'missing-version'));
    const fixed = applyWorkspaceEdit(text, uri, fix.edit);
    assert.strictEqual(fixed, '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" }]\n}');
    c.change(uri, 2, fixed);
    const after = await c.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'missing-version'));
    assert.deepStrictEqual(after.map((d) => d.code), []);
  });

  it('fix all applies every preferred fix in one edit', async () => {
    const uri = 'file:///protocol/actions/fixall.identity.json';
    const text = '{\n  "Statement": [\n    // comment\n    { "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" },\n  ]\n}';
    c.open(uri, text);
    const ds = await c.waitForDiagnostics(uri);
    const actions = await codeActions(c, uri, { line: 0, character: 0 }, ds, ['source.fixAll']);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind]), [['Fix all connect-guard problems in file', 'source.fixAll.connect-guard']]);
    const fixed = applyWorkspaceEdit(text, uri, actions[0].edit);
    assert.strictEqual(fixed, '{\n  "Version": "2012-10-17",\n  "Statement": [\n    \n    { "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" }\n  ]\n}');
  });

  it('offers persona templates in an empty policy file, and the inserted template lints clean', async () => {
    const uri = 'file:///protocol/actions/new.identity.json';
    c.open(uri, '');
    await c.waitForDiagnostics(uri);
    const actions = await codeActions(c, uri, { line: 0, character: 0 }, []);
    assert.deepStrictEqual(actions.filter((a) => a.kind === 'refactor.insert.connect-guard').map((a) => a.title), [
      'Insert template: development user',
      'Insert template: service administrator',
      'Insert template: application resource',
      'Insert template: read-only auditor',
    ]);
    const text = applyWorkspaceEdit('', uri, actions.find((a) => a.title === 'Insert template: service administrator')!.edit);
    c.change(uri, 2, text);
    const ds = await c.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'json-syntax'));
    assert.deepStrictEqual(ds.map((d) => `${d.code}: ${d.message}`), []);
  });

  it('offers tag condition and instance scoping inside an Allow statement; the scoping request returns the edit', async () => {
    const uri = 'file:///protocol/actions/scope.identity.json';
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Sid": "Queues", "Effect": "Allow", "Action": "connect:DescribeQueue", "Resource": "*" }\n  ]\n}';
    c.open(uri, text);
    await c.waitForDiagnostics(uri);
    const at = positionOf(text, 'DescribeQueue');
    const actions = await codeActions(c, uri, at, [], ['refactor.rewrite']);
    assert.deepStrictEqual(actions.map((a) => a.title), ['Add tag-based access condition (aws:ResourceTag/Role)', 'Scope to Connect instance...']);
    assert.deepStrictEqual(actions[1].command?.arguments, [uri, at]);
    const arn = 'arn:aws:connect:eu-west-2:111122223333:instance/1a2b3c4d-1111-2222-3333-444455556666';
    const r: { edit?: { changes: Record<string, never[]> }; problem?: string } = await c.rpc.sendRequest('connectGuard/refactor', { uri, kind: 'scopeToInstance', position: at, instanceArn: arn });
    assert.strictEqual(r.problem, undefined);
    assert.strictEqual(applyWorkspaceEdit(text, uri, r.edit), text.replace('"Resource": "*"', `"Resource": "${arn}/queue/*"`));
    const bad: { problem?: string } = await c.rpc.sendRequest('connectGuard/refactor', { uri, kind: 'scopeToInstance', position: at, instanceArn: 'arn:aws:connect:eu-west-2:1111:instance/x' });
    assert.match(bad.problem ?? '', /is not an Amazon Connect instance ARN/);
  });

  it('hover describes an action, its access level and that it changes privileges in Connect', async () => {
    const uri = 'file:///protocol/actions/hover.identity.json';
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["connect:UpdateUserSecurityProfiles"], "Resource": "*" }]\n}';
    c.open(uri, text);
    await c.waitForDiagnostics(uri);
    const h: Hover = await c.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'UpdateUser') });
    const value = (h.contents as { value: string }).value;
    assert.match(value, /^\*\*connect:UpdateUserSecurityProfiles\*\* \(Amazon Connect\)/);
    assert.match(value, /Access level: \*\*Write\*\*/);
    assert.match(value, /Changes privileges in Amazon Connect/);
    assert.deepStrictEqual(h.range, { start: positionOf(text, '"connect:UpdateUserSecurityProfiles"'), end: positionOf(text, '"connect:UpdateUserSecurityProfiles"', '"connect:UpdateUserSecurityProfiles"'.length) });
  });

  it('completes actions after "prefix:" with the access level as detail', async () => {
    const uri = 'file:///protocol/actions/complete.identity.json';
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:Crea", "Resource": "*" }]\n}';
    c.open(uri, text);
    await c.waitForDiagnostics(uri);
    const items: CompletionItem[] = await c.rpc.sendRequest('textDocument/completion', { textDocument: { uri }, position: positionOf(text, 'connect:Crea', 'connect:Crea'.length) });
    const create = items.find((i) => i.label === 'connect:CreateUser');
    assert.ok(create, `${items.length} items`);
    assert.strictEqual(create.detail, 'Write');
    assert.deepStrictEqual((create.textEdit as { range: unknown }).range, { start: positionOf(text, 'connect:Crea'), end: positionOf(text, 'connect:Crea', 'connect:Crea'.length) });
  });
});
