import { Diagnostic, DiagnosticSeverity, Range, TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import { Finding, Severity, TextEdit, ruleDocsUrl, hasRule } from '../engine';
import { DiagnosticData, SOURCE } from './protocol';

/** Anything that turns offsets into positions (a TextDocument, or a LineIndex adapter). */
export interface Positions {
  positionAt(offset: number): { line: number; character: number };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function rangeOf(doc: Positions, offset: number, length: number): Range {
  return { start: doc.positionAt(offset), end: doc.positionAt(offset + length) };
}

export function toLspEdits(doc: Positions, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: rangeOf(doc, e.offset, e.length), newText: e.content }));
}

/** A finding as a diagnostic: code = rule name linking to its page; fixes travel in `data`. */
export function toDiagnostic(f: Finding, doc: Positions, uri: string): Diagnostic {
  const data: DiagnosticData = { rule: f.rule };
  if (f.fixes?.length) data.fixes = f.fixes.map((x) => ({ title: x.title, preferred: x.preferred, edits: toLspEdits(doc, x.edits) }));
  if (f.data) data.info = f.data;
  const d: Diagnostic = {
    range: rangeOf(doc, f.offset, f.length),
    severity: SEVERITY[f.severity],
    code: f.rule,
    source: SOURCE,
    message: f.message,
    data,
  };
  if (hasRule(f.rule)) d.codeDescription = { href: ruleDocsUrl(f.rule) };
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri, range: rangeOf(doc, r.offset, r.length) }, message: r.message }));
  return d;
}
