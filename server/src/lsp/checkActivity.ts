import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IamData, activity } from '../engine';
import { principalMatcher } from '../engine/cloudtrail';
import { WalkProblem } from '../cli/files';
import { forEachRecord } from '../cli/forEachRecord';
import { CheckActivityParams, CheckActivityResult } from './protocol';
import { DiagnosticsScheduler } from './diagnostics';

/** Streams the logs (one record in memory at a time) through the engine's ActivityChecker. */
export async function checkActivity(documents: TextDocuments<TextDocument>, params: CheckActivityParams, iam: IamData, diagnostics: DiagnosticsScheduler): Promise<CheckActivityResult> {
  const doc = documents.get(params.uri);
  if (!doc) return { summary: 'the policy is not open', problems: [] };
  const checker = new activity.ActivityChecker(doc.getText(), iam, { include: params.principals?.length ? principalMatcher(params.principals) : undefined });
  const problems: WalkProblem[] = [];
  const files = await forEachRecord(params.logPaths, undefined, undefined, problems, (r) => checker.add(r));
  const result = checker.result();
  diagnostics.setExtraFindings(doc, result.findings);
  const unused = result.unused.reduce((n, u) => n + u.unused.length, 0);
  return {
    summary: `${result.recordsUsed} of ${result.recordsSeen} records in ${files} file(s) compared: ${unused} granted action(s) unused, ${result.missing.length} call(s) not allowed. Conditions are not evaluated.`,
    problems: problems.map((p) => `${p.path}: ${p.message}`),
  };
}
