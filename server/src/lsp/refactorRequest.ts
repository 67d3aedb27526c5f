import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IamData, TextEdit } from '../engine';
import { personaTemplate, templateEdits, tagConditionEdits, scopeToInstanceEdits, PERSONA_TEMPLATES } from '../engine/templates';
import { toLspEdits } from './convert';
import { RefactorParams, RefactorResult, TemplateSummary } from './protocol';

export function listTemplates(): TemplateSummary[] {
  return PERSONA_TEMPLATES.map((t) => ({ id: t.id, label: t.label, description: t.description }));
}

/** The palette commands' edits (insert template, tag condition, scope to instance) for an open document. */
export function refactor(documents: TextDocuments<TextDocument>, params: RefactorParams, iam: () => IamData): RefactorResult {
  const doc = documents.get(params.uri);
  if (!doc) return { problem: 'Open the policy in an editor first.' };
  const text = doc.getText();
  let edits: TextEdit[] | undefined;
  if (params.kind === 'template') {
    const t = personaTemplate(params.templateId);
    if (!t) return { problem: `Unknown template "${params.templateId}".` };
    edits = templateEdits(text, t);
    if (!edits) return { problem: 'The document is not a JSON object: fix its syntax or start from an empty file.' };
  } else {
    const offset = doc.offsetAt(params.position);
    const r = params.kind === 'tagCondition' ? tagConditionEdits(text, offset, iam(), params.tagKey || undefined) : scopeToInstanceEdits(text, offset, params.instanceArn, iam());
    if ('problem' in r) return { problem: r.problem };
    edits = r.edits;
  }
  return { edit: { changes: { [doc.uri]: toLspEdits(doc, edits) } } };
}
