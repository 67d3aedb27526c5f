// Shared by the editor tests: the fixture workspace, waiting for the language server,
// and ranges written by hand from the document text (never taken from the extension).
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'connect-guard.connect-guard';
export const SOURCE = 'connect-guard';

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in the editor`);
  return ext;
}

export function manifest(): { contributes?: Record<string, any>; activationEvents?: string[]; [k: string]: any } {
  return extension().packageJSON;
}

export function wsUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(wsUri(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function ours(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && (rule === undefined || ruleOf(d) === rule));
}

/** Fails at once, rather than after a wait, when the extension never activated. */
function expectActive(): void {
  assert.ok(extension().isActive, 'the extension is not active');
}

/** Waits until `rule` is reported on the file, and returns its diagnostics. */
export function diagnosticsFor(uri: vscode.Uri, rule: string, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  expectActive();
  return waitFor(`${rule} on ${vscode.workspace.asRelativePath(uri)} (have: ${describe(uri)})`, () => {
    const ds = ours(uri, rule);
    return ds.length > 0 && ds;
  }, timeoutMs);
}

export function noDiagnostic(uri: vscode.Uri, rule: string, timeoutMs?: number): Promise<true> {
  expectActive();
  return waitFor(`${rule} to clear on ${vscode.workspace.asRelativePath(uri)}`, () => ours(uri, rule).length === 0, timeoutMs);
}

function describe(uri: vscode.Uri): string {
  return ours(uri).map((d) => `${ruleOf(d)}@${d.range.start.line}:${d.range.start.character}`).join(', ') || 'nothing';
}

/** The range of the n-th occurrence of `needle` in the document. */
export function rangeOf(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Range {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${nth}) is not in ${doc.uri.path}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

export function assertRange(actual: vscode.Range, expected: vscode.Range, doc: vscode.TextDocument): void {
  assert.deepStrictEqual(
    { range: fmt(actual), text: doc.getText(actual) },
    { range: fmt(expected), text: doc.getText(expected) },
  );
}

function fmt(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Restores a fixture file's text, so a test that edits it leaves nothing behind. */
export async function restore(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  await vscode.workspace.applyEdit(edit);
  await doc.save();
}
