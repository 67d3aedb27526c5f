import { CompletionItem, CompletionItemKind, Hover, InsertTextFormat, MarkupKind, TextDocumentPositionParams, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentKind, IamData } from '../engine';
import { completionsAt, hoverAt, CompletionKind } from '../engine/assist';
import { rangeOf } from './convert';
import { BIG_TEXT } from './linter';

const ITEM_KIND: Record<CompletionKind, CompletionItemKind> = {
  service: CompletionItemKind.Module,
  action: CompletionItemKind.Function,
  operator: CompletionItemKind.Operator,
  conditionKey: CompletionItemKind.Property,
  arn: CompletionItemKind.Reference,
};

/** Hover and completion for policy documents; the content comes from engine/assist. */
export class AssistHandlers {
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly kinds: Map<string, DocumentKind>,
    private readonly iam: () => IamData,
  ) {}

  /** Only documents the diagnostics accepted as policies (not CloudTrail, not unrelated JSON). */
  private policyDocument(uri: string): TextDocument | undefined {
    const kind = this.kinds.get(uri);
    return kind && kind !== 'cloudtrail' ? this.documents.get(uri) : undefined;
  }

  /** CloudTrail documents get hovers too, but only when parsing them on this thread is cheap. */
  private smallTrail(uri: string): TextDocument | undefined {
    const doc = this.kinds.get(uri) === 'cloudtrail' ? this.documents.get(uri) : undefined;
    return doc && doc.getText().length < BIG_TEXT ? doc : undefined;
  }

  hover(params: TextDocumentPositionParams): Hover | null {
    const doc = this.policyDocument(params.textDocument.uri) ?? this.smallTrail(params.textDocument.uri);
    if (!doc) return null;
    const h = hoverAt(doc.getText(), doc.offsetAt(params.position), this.iam());
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: rangeOf(doc, h.offset, h.length) } : null;
  }

  completion(params: TextDocumentPositionParams): CompletionItem[] {
    const doc = this.policyDocument(params.textDocument.uri);
    if (!doc) return [];
    return completionsAt(doc.getText(), doc.offsetAt(params.position), this.iam()).map((c) => {
      const item: CompletionItem = {
        label: c.label,
        kind: ITEM_KIND[c.kind],
        detail: c.detail,
        sortText: c.sortText,
        filterText: c.label,
        textEdit: { range: rangeOf(doc, c.replace.offset, c.replace.length), newText: c.insertText },
      };
      if (c.snippet) item.insertTextFormat = InsertTextFormat.Snippet;
      if (c.retrigger) item.command = { title: 'Suggest actions', command: 'editor.action.triggerSuggest' };
      return item;
    });
  }
}
