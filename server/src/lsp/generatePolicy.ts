import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IamData, activity } from '../engine';
import { scanRecords, principalMatcher } from '../engine/cloudtrail';
import { GeneratePolicyParams, GeneratePolicyResult } from './protocol';

/** Runs the engine's policy generator over the records of an open CloudTrail document. */
export function generatePolicy(documents: TextDocuments<TextDocument>, params: GeneratePolicyParams, iam: IamData): GeneratePolicyResult {
  const doc = documents.get(params.uri);
  if (!doc) return { problem: 'the document is not open', notes: [] };
  const gen = new activity.PolicyGenerator(iam, { include: params.principals?.length ? principalMatcher(params.principals) : undefined });
  const text = doc.getText();
  for (const r of scanRecords(text)) {
    if (r.value && typeof r.value === 'object' && !Array.isArray(r.value)) gen.add(r.value as activity.TrailRecord);
  }
  const result = gen.result();
  if (!result.actions.length) return { problem: `no API calls to learn from in ${result.recordsSeen} record(s)${params.principals?.length ? ' by that principal' : ''}`, notes: result.notes };
  return {
    text: result.text,
    notes: [`${result.recordsUsed} of ${result.recordsSeen} records used; ${result.actions.length} actions.`, ...result.notes, ...result.unmapped.slice(0, 5).map((u) => `${u.eventName} x${u.count} not mapped: ${u.reason}`)],
  };
}
