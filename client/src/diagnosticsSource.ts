import * as vscode from 'vscode';
import { FindingEntry, Severity } from './findingsModel';
import { DiagnosticData, SOURCE } from '../../server/src/lsp/protocol';

const SEVERITY: Record<vscode.DiagnosticSeverity, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** The server's data on a diagnostic (vscode-languageclient keeps it on the object). */
export function dataOf(d: vscode.Diagnostic): DiagnosticData | undefined {
  const data = (d as vscode.Diagnostic & { data?: unknown }).data;
  return data && typeof data === 'object' && typeof (data as DiagnosticData).rule === 'string' ? (data as DiagnosticData) : undefined;
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  return dataOf(d)?.rule ?? (typeof d.code === 'object' ? String(d.code.value) : d.code !== undefined ? String(d.code) : undefined);
}

export function docsUrlOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? d.code.target.toString(true) : undefined;
}

export interface Finding extends FindingEntry {
  diagnostic: vscode.Diagnostic;
}

/** Every connect-guard diagnostic in the workspace, as tree entries. The Problems panel and the tree show the same set. */
export function collectFindings(): Finding[] {
  const out: Finding[] = [];
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const d of diagnostics) {
      if (d.source !== SOURCE) continue;
      const data = dataOf(d);
      out.push({
        uri: uri.toString(),
        file: vscode.workspace.asRelativePath(uri, true),
        rule: ruleOf(d) ?? 'unknown',
        severity: SEVERITY[d.severity],
        message: d.message,
        range: { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } },
        fixes: data?.fixes?.length ?? 0,
        info: data?.info,
        diagnostic: d,
      });
    }
  }
  return out;
}
