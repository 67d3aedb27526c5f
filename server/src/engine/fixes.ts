import { applyEdits, modify, FormattingOptions, JSONPath, format } from 'jsonc-parser';
import { Fix, TextEdit } from './types';
import { Node } from './json';

export { applyEdits };

const FALLBACK_FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

/** Guesses indentation and line ending from the document, so edits keep its style. */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const m = /\n([ \t]+)\S/.exec(text);
  if (!m) return { ...FALLBACK_FORMAT, eol };
  if (m[1].startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: Math.min(m[1].length, 8), eol };
}

/** Edits that set (or, with `undefined`, remove) the value at a JSON path. */
export function setAt(text: string, path: JSONPath, value: unknown, opts: { first?: boolean } = {}): TextEdit[] {
  return modify(text, path, value, {
    formattingOptions: detectFormatting(text),
    getInsertionIndex: opts.first ? () => 0 : undefined,
  });
}

/** Inserts into an array at `index` (or appends with -1). */
export function insertAt(text: string, path: JSONPath, index: number, value: unknown): TextEdit[] {
  return modify(text, [...path, index], value, { formattingOptions: detectFormatting(text), isArrayInsertion: true });
}

/** Replaces one node's text with a JSON value. */
export function replaceNode(node: Node, value: unknown): TextEdit {
  return { offset: node.offset, length: node.length, content: JSON.stringify(value) };
}

export function fix(title: string, edits: TextEdit[], preferred = false): Fix {
  return preferred ? { title, edits, preferred } : { title, edits };
}

/** Re-indents a whole document (used after template insertion). */
export function formatDocument(text: string): string {
  return applyEdits(text, format(text, undefined, detectFormatting(text)));
}

/** Applies one fix's edits to a text. */
export function applyFix(text: string, f: Fix): string {
  return applyEdits(text, f.edits);
}

/**
 * Removes one item of an array node with its separating comma. jsonc-parser 3.3's
 * `modify(..., undefined)` cuts one character short when the last item is removed
 * and whitespace precedes the `]`, leaving a stray quote; this does not.
 */
export function removeArrayItem(arrayNode: Node, index: number): TextEdit {
  const items = arrayNode.children ?? [];
  const item = items[index];
  if (items.length === 1) return { offset: arrayNode.offset + 1, length: arrayNode.length - 2, content: '' };
  if (index === items.length - 1) {
    const prev = items[index - 1];
    const start = prev.offset + prev.length;
    return { offset: start, length: item.offset + item.length - start, content: '' };
  }
  return { offset: item.offset, length: items[index + 1].offset - item.offset, content: '' };
}
