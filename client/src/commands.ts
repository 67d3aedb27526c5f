import * as fs from 'fs';
import * as vscode from 'vscode';
import type { LanguageClient, WorkspaceEdit } from 'vscode-languageclient/node';
import { COMMAND, CONFIG_SECTION } from './ids';
import { FindingsTree, FindingsNode } from './findingsTree';
import { Finding, dataOf, docsUrlOf, ruleOf } from './diagnosticsSource';
import { instanceArnProblem } from '../../server/src/engine/templates/instanceArn';
import { GENERATE_POLICY, GeneratePolicyResult, CHECK_ACTIVITY, CheckActivityResult } from '../../server/src/lsp/protocol';
import { LIST_TEMPLATES, REFACTOR, RefactorParams, RefactorResult, SCAN_WORKSPACE, ScanWorkspaceResult, TemplateSummary } from '../../server/src/lsp/protocol';

export interface CommandContext {
  client(): LanguageClient;
  restart(): Promise<void>;
  tree: FindingsTree;
  output: vscode.LogOutputChannel;
  extensionUri: vscode.Uri;
}

/** One palette or menu command. Adding a command is one entry here plus its `contributes.commands` line. */
export interface CommandEntry {
  id: string;
  run(ctx: CommandContext, ...args: any[]): unknown;
}

function activeJsonEditor(): vscode.TextEditor | undefined {
  const e = vscode.window.activeTextEditor;
  return e && (e.document.languageId === 'json' || e.document.languageId === 'jsonc') ? e : undefined;
}

/** Where a template may go: an empty JSON document, a policy, or a file named as a policy; never package.json and the like. */
function takesTemplate(doc: vscode.TextDocument): boolean {
  const text = doc.getText();
  return text.trim() === '' || /"Statement"\s*:/.test(text) || /\.(scp|vpce|endpoint|trust|kms|key-policy|keypolicy|resource|identity|iam|boundary)\.json$/i.test(doc.fileName);
}

/** Sends a refactor request and applies the edit, or tells the user why not. */
async function applyRefactor(ctx: CommandContext, params: RefactorParams): Promise<boolean> {
  const result = await ctx.client().sendRequest<RefactorResult>(REFACTOR, params);
  if (result.problem || !result.edit) {
    void vscode.window.showWarningMessage(`connect-guard: ${result.problem ?? 'nothing to change'}`);
    return false;
  }
  const edit = await ctx.client().protocol2CodeConverter.asWorkspaceEdit(result.edit as WorkspaceEdit);
  return vscode.workspace.applyEdit(edit);
}

/** A rule name from a command argument: a rule name, a tree node, a finding, or the diagnostic under the cursor. */
function ruleFromArg(arg: unknown): { rule?: string; url?: string } {
  if (typeof arg === 'string') return { rule: arg };
  const node = arg as FindingsNode | Finding | undefined;
  if (node && 'finding' in node) return { rule: node.finding.rule, url: docsUrlOf(node.finding.diagnostic) };
  if (node && 'group' in node) return { rule: node.group.label, url: node.group.entries[0] && docsUrlOf((node.group.entries[0] as Finding).diagnostic) };
  if (node && 'diagnostic' in node) return { rule: node.rule, url: docsUrlOf(node.diagnostic) };
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const here = vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.source === 'connect-guard' && d.range.contains(editor.selection.active));
    if (here) return { rule: ruleOf(here), url: docsUrlOf(here) };
  }
  return {};
}

function findingFromArg(arg: unknown): Finding | undefined {
  const node = arg as FindingsNode | Finding | undefined;
  if (node && 'finding' in node) return node.finding;
  if (node && 'diagnostic' in node) return node;
  return undefined;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    id: COMMAND.checkActivity,
    async run(ctx, logPaths?: string[], principal?: string) {
      const editor = activeJsonEditor();
      if (!editor) return void vscode.window.showWarningMessage('connect-guard: open the policy to check against CloudTrail activity.');
      let paths = logPaths;
      if (!paths) {
        const picked = await vscode.window.showOpenDialog({ title: 'CloudTrail logs to compare with', canSelectFiles: true, canSelectFolders: true, canSelectMany: true, openLabel: 'Compare' });
        if (!picked?.length) return;
        paths = picked.map((u) => u.fsPath);
      }
      const who = principal ?? (await vscode.window.showInputBox({
        title: 'Check policy against activity',
        prompt: 'Whose calls: role ARN (its sessions match), ARN pattern or session name. Leave empty for every principal.',
        placeHolder: 'arn:aws:iam::111122223333:role/FlowDeveloper',
        ignoreFocusOut: true,
      }));
      if (who === undefined) return;
      const r = await ctx.client().sendRequest<CheckActivityResult>(CHECK_ACTIVITY, { uri: editor.document.uri.toString(), logPaths: paths, principals: who.trim() ? [who.trim()] : [] });
      for (const p of r.problems) ctx.output.warn(`check activity: ${p}`);
      void vscode.window.showInformationMessage(`connect-guard: ${r.summary}${r.problems.length ? ` (${r.problems.length} file problem(s): see output)` : ''}`);
    },
  },
  {
    id: COMMAND.generatePolicy,
    async run(ctx, principal?: string) {
      const editor = activeJsonEditor();
      if (!editor) return void vscode.window.showWarningMessage('connect-guard: open a CloudTrail log to generate a policy from.');
      const who = principal ?? (await vscode.window.showInputBox({
        title: 'Generate least-privilege policy from this log',
        prompt: 'Principal: role ARN (its sessions match), ARN pattern or session name. Leave empty for every principal.',
        placeHolder: 'arn:aws:iam::111122223333:role/FlowDeveloper',
        ignoreFocusOut: true,
      }));
      if (who === undefined) return;
      const r = await ctx.client().sendRequest<GeneratePolicyResult>(GENERATE_POLICY, { uri: editor.document.uri.toString(), principals: who.trim() ? [who.trim()] : [] });
      for (const n of r.notes) ctx.output.info(`generate policy: ${n}`);
      if (!r.text) return void vscode.window.showWarningMessage(`connect-guard: ${r.problem ?? 'no policy generated'}`);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'json', content: r.text }));
    },
  },
  {
    id: COMMAND.scanWorkspace,
    async run(ctx) {
      const r = await ctx.client().sendRequest<ScanWorkspaceResult>(SCAN_WORKSPACE, {});
      void vscode.window.showInformationMessage(`connect-guard: scanned ${r.files} file${r.files === 1 ? '' : 's'}, ${r.findings} finding${r.findings === 1 ? '' : 's'}${r.skipped ? ` (${r.skipped} open file${r.skipped === 1 ? '' : 's'} checked as you edit)` : ''}.`);
    },
  },
  {
    id: COMMAND.insertTemplate,
    async run(ctx, templateId?: string) {
      let id = templateId;
      if (!id) {
        const templates = await ctx.client().sendRequest<TemplateSummary[]>(LIST_TEMPLATES, {});
        const pick = await vscode.window.showQuickPick(templates.map((t) => ({ label: t.label, detail: t.description, id: t.id })), { title: 'Insert persona policy template', placeHolder: 'Persona' });
        if (!pick) return;
        id = pick.id;
      }
      let editor = activeJsonEditor();
      if (!editor || !takesTemplate(editor.document)) editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'json', content: '' }));
      await applyRefactor(ctx, { uri: editor.document.uri.toString(), kind: 'template', templateId: id });
    },
  },
  {
    id: COMMAND.addTagCondition,
    async run(ctx) {
      const editor = activeJsonEditor();
      if (!editor) return void vscode.window.showWarningMessage('connect-guard: open a policy and place the cursor in a statement.');
      const tagKey = await vscode.window.showInputBox({
        title: 'Add tag-based access condition',
        prompt: 'Tag key that must match between the resource and the caller (aws:ResourceTag/<key> = ${aws:PrincipalTag/<key>})',
        value: 'Role',
        validateInput: (v) => (/^[\p{L}\p{N} _.:/=+\-@]{1,128}$/u.test(v) ? undefined : 'A tag key has 1-128 letters, digits, spaces and _.:/=+-@'),
      });
      if (!tagKey) return;
      await applyRefactor(ctx, { uri: editor.document.uri.toString(), kind: 'tagCondition', position: editor.selection.active, tagKey });
    },
  },
  {
    id: COMMAND.scopeToInstance,
    async run(ctx, uri?: string, position?: { line: number; character: number }) {
      const editor = activeJsonEditor();
      const target = uri ?? editor?.document.uri.toString();
      const at = position ?? editor?.selection.active;
      if (!target || !at) return void vscode.window.showWarningMessage('connect-guard: open a policy and place the cursor in an Allow statement.');
      const instanceArn = await vscode.window.showInputBox({
        title: 'Scope to Amazon Connect instance',
        prompt: 'Instance ARN (Amazon Connect console > instance > Distribution settings)',
        placeHolder: 'arn:aws:connect:eu-west-2:111122223333:instance/1a2b3c4d-1111-2222-3333-444455556666',
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? instanceArnProblem(v) : 'Enter the instance ARN'),
      });
      if (!instanceArn) return;
      await applyRefactor(ctx, { uri: target, kind: 'scopeToInstance', position: { line: at.line, character: at.character }, instanceArn: instanceArn.trim() });
    },
  },
  {
    id: COMMAND.showRuleDocumentation,
    async run(ctx, arg?: unknown) {
      let { rule, url } = ruleFromArg(arg);
      const docsDir = vscode.Uri.joinPath(ctx.extensionUri, 'docs', 'rules');
      if (!rule) {
        const names = fs.existsSync(docsDir.fsPath) ? fs.readdirSync(docsDir.fsPath).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3)) : [];
        rule = await vscode.window.showQuickPick(names, { title: 'connect-guard rule documentation' });
        if (!rule) return;
      }
      // The shipped page works offline (locked-down laptops); the web page is the fallback.
      const local = vscode.Uri.joinPath(docsDir, `${rule}.md`);
      if (fs.existsSync(local.fsPath)) return vscode.commands.executeCommand('markdown.showPreview', local);
      if (url) return vscode.env.openExternal(vscode.Uri.parse(url));
      void vscode.window.showWarningMessage(`connect-guard: no documentation found for "${rule}".`);
    },
  },
  {
    id: COMMAND.restartServer,
    async run(ctx) {
      await ctx.restart();
      ctx.output.info('language server restarted');
    },
  },
  {
    id: COMMAND.toggleGrouping,
    run: (ctx) => ctx.tree.toggleGrouping(),
  },
  {
    id: COMMAND.disableRule,
    async run(_ctx, arg?: unknown) {
      const { rule } = ruleFromArg(arg);
      if (!rule) return;
      const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      const current = config.inspect<Record<string, string>>('rules');
      const existing = (target === vscode.ConfigurationTarget.Workspace ? current?.workspaceValue : current?.globalValue) ?? {};
      await config.update('rules', { ...existing, [rule]: 'off' }, target);
      void vscode.window.showInformationMessage(`connect-guard: rule ${rule} is off in ${target === vscode.ConfigurationTarget.Workspace ? 'this workspace' : 'your user settings'} (connectGuard.rules).`);
    },
  },
  {
    id: COMMAND.applyFix,
    async run(_ctx, arg?: unknown) {
      const f = findingFromArg(arg);
      const fixes = f ? (dataOf(f.diagnostic)?.fixes ?? []) : [];
      if (!f || !fixes.length) return;
      const fix = fixes.length === 1 ? fixes[0] : (await vscode.window.showQuickPick(fixes.map((x) => ({ label: x.title, fix: x })), { title: 'Apply fix' }))?.fix;
      if (!fix) return;
      const edit = new vscode.WorkspaceEdit();
      const uri = vscode.Uri.parse(f.uri);
      for (const e of fix.edits) edit.replace(uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
      await vscode.workspace.applyEdit(edit);
    },
  },
  {
    id: COMMAND.showOutput,
    run: (ctx) => ctx.output.show(),
  },
  {
    id: COMMAND.revealFinding,
    async run(_ctx, arg?: unknown) {
      const f = findingFromArg(arg);
      if (!f) return;
      const range = new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character);
      await vscode.window.showTextDocument(vscode.Uri.parse(f.uri), { selection: range, preserveFocus: false });
    },
  },
];

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return COMMANDS.map((c) => vscode.commands.registerCommand(c.id, async (...args: unknown[]) => {
    try {
      return await c.run(ctx, ...args);
    } catch (e) {
      ctx.output.error(`${c.id} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      void vscode.window.showErrorMessage(`connect-guard: ${c.id.replace('connectGuard.', '')} failed (${e instanceof Error ? e.message : String(e)}). See the connect-guard output.`);
      return undefined;
    }
  }));
}
