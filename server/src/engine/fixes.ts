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
  return removeChildren(arrayNode, [index])[0];
}

/**
 * Removes several children (array items or object properties) of one container with their
 * separating commas, as edits that neither overlap nor touch ambiguously. One fix that
 * removes them all, where one fix per child would overlap at the last two (each takes a
 * comma next to the other) and "fix all" would need a pass per child.
 */
export function removeChildren(container: Node, indices: readonly number[]): TextEdit[] {
  const items = container.children ?? [];
  const gone = new Set(indices);
  if (items.every((_, i) => gone.has(i))) return [{ offset: container.offset + 1, length: container.length - 2, content: '' }];
  const edits: TextEdit[] = [];
  for (let i = 0; i < items.length; i++) {
    if (!gone.has(i)) continue;
    let j = i;
    while (j + 1 < items.length && gone.has(j + 1)) j++;
    // A run followed by a kept child goes with the commas after it; a run at the end, with
    // the comma before it (a kept child precedes it, since not all are removed).
    if (j + 1 < items.length) edits.push({ offset: items[i].offset, length: items[j + 1].offset - items[i].offset, content: '' });
    else {
      const start = items[i - 1].offset + items[i - 1].length;
      edits.push({ offset: start, length: items[j].offset + items[j].length - start, content: '' });
    }
    i = j;
  }
  return edits;
}
