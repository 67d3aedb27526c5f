import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentKind, IamData, hasRule, lint } from '../engine';
import { fixAllText } from '../engine/assist';
import { PERSONA_TEMPLATES, templateEdits, tagConditionEdits, minimalEdit, statementAt } from '../engine/templates';
import { toLspEdits } from './convert';
import { CLIENT_COMMANDS, DiagnosticData, FIX_ALL_KIND, SOURCE } from './protocol';
import { Analyzer } from './analyzer';
import { BIG_TEXT } from './linter';

export const TEMPLATE_KIND = `${CodeActionKind.Refactor}.insert.connect-guard`;
export const REWRITE_KIND = `${CodeActionKind.RefactorRewrite}.connect-guard`;

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/**
 * Code actions. Quick-fixes come from `diagnostic.data` (no server state, so they
 * survive a restart); "fix all" re-lints the current text; refactors (templates, tag
 * condition, instance scoping) are computed by the pure functions in engine/templates.
 */
export class CodeActionsHandler {
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyzer: Analyzer,
    private readonly kinds: Map<string, DocumentKind>,
    private readonly iam: () => IamData,
  ) {}

  async provide(params: CodeActionParams): Promise<CodeAction[]> {
    const doc = this.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    const ours = params.context.diagnostics.filter((d) => d.source === SOURCE && d.data);
    const out: CodeAction[] = [];
    if (wants(only, CodeActionKind.QuickFix)) out.push(...this.quickFixes(doc, ours));
    // Fix-all re-lints on this thread: not for big logs (nothing there is fixable anyway).
    if ((wants(only, FIX_ALL_KIND) || (only?.includes(CodeActionKind.SourceFixAll) ?? false)) && doc.getText().length < BIG_TEXT) {
      const fixAll = await this.fixAll(doc);
      if (fixAll) out.push(fixAll);
    }
    const kind = this.kinds.get(doc.uri);
    if (kind && kind !== 'cloudtrail') out.push(...this.refactors(doc, params, only));
    return out;
  }

  private quickFixes(doc: TextDocument, diagnostics: Diagnostic[]): CodeAction[] {
    const out: CodeAction[] = [];
    const rules = new Set<string>();
    for (const d of diagnostics) {
      const data = d.data as DiagnosticData;
      for (const f of data.fixes ?? []) {
        out.push({ title: f.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: f.preferred, edit: { changes: { [doc.uri]: f.edits } } });
      }
      // Only real rules can be disabled: the server's own notes (file-too-large, too-many-findings) are not rules.
      if (data.rule && hasRule(data.rule) && !rules.has(data.rule)) {
        rules.add(data.rule);
        out.push({
          title: `Disable rule ${data.rule} in this workspace`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          command: { title: `Disable ${data.rule}`, command: CLIENT_COMMANDS.disableRule, arguments: [data.rule] },
        });
      }
    }
    return out;
  }

  private async fixAll(doc: TextDocument): Promise<CodeAction | undefined> {
    const text = doc.getText();
    const options = await this.analyzer.lintOptions(doc.uri, text);
    if (!options) return undefined;
    const fixed = fixAllText(text, (t) => lint(t, options).findings);
    if (fixed === text) return undefined;
    return { title: 'Fix all connect-guard problems in file', kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: toLspEdits(doc, [minimalEdit(text, fixed)]) } } };
  }

  private refactors(doc: TextDocument, params: CodeActionParams, only: string[] | undefined): CodeAction[] {
    const out: CodeAction[] = [];
    const text = doc.getText();
    // In the light bulb (no `only`) templates are offered only where a policy is being started; the refactor menu always lists them.
    const started = /"Statement"\s*:/.test(text);
    if (only ? wants(only, TEMPLATE_KIND) : !started) {
      for (const t of PERSONA_TEMPLATES) {
        const edits = templateEdits(text, t);
        if (edits) out.push({ title: `Insert template: ${t.label}`, kind: TEMPLATE_KIND, edit: { changes: { [doc.uri]: toLspEdits(doc, edits) } } });
      }
    }
    if (!wants(only, REWRITE_KIND)) return out;
    const offset = doc.offsetAt(params.range.start);
    const at = statementAt(text, offset);
    if (!at) return out;
    const tag = tagConditionEdits(text, offset, this.iam());
    if ('edits' in tag) out.push({ title: `Add tag-based access condition (${tag.conditionKey})`, kind: REWRITE_KIND, edit: { changes: { [doc.uri]: toLspEdits(doc, tag.edits) } } });
    if (at.statement.effect === 'Allow' && at.statement.el.Action) {
      out.push({
        title: 'Scope to Connect instance...',
        kind: REWRITE_KIND,
        command: { title: 'Scope to Connect instance', command: CLIENT_COMMANDS.scopeToInstance, arguments: [doc.uri, params.range.start] },
      });
    }
    return out;
  }
}
