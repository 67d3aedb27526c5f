import { TextEdit } from '../../types';
import { Node, pathOf } from '../../json';
import { detectFormatting, insertAt, setAt } from '../../fixes';

/*
 * Appending to an object or array by hand, after its last child. jsonc-parser's `modify`
 * re-formats from the start of the line, which costs seconds on a one-line policy of a
 * few hundred kilobytes; these edits cost the size of the inserted value. Empty containers
 * (no last child to align with) fall back to `modify`.
 */

/** Leading whitespace of the line `offset` is on, when only whitespace precedes it there. */
function lineIndent(text: string, offset: number): string | undefined {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n' || text[i] === '\r' ? text.slice(i + 1, offset) : undefined;
}

function serialise(text: string, value: unknown, indent: string | undefined): string {
  if (indent === undefined) return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ').replace(/\{ /g, '{').replace(/ \}/g, '}');
  const f = detectFormatting(text);
  const unit = f.insertSpaces ? ' '.repeat(f.tabSize ?? 2) : '\t';
  return JSON.stringify(value, null, unit).split('\n').join((f.eol ?? '\n') + indent);
}

function after(text: string, last: Node, piece: (indent: string | undefined) => string): TextEdit {
  const indent = lineIndent(text, last.offset);
  const eol = detectFormatting(text).eol ?? '\n';
  const sep = indent === undefined ? ', ' : `,${eol}${indent}`;
  return { offset: last.offset + last.length, length: 0, content: sep + piece(indent) };
}

/** Appends `value` to the array node. */
export function appendItem(text: string, array: Node, value: unknown): TextEdit[] {
  const last = array.children?.[array.children.length - 1];
  if (!last) return insertAt(text, pathOf(array), -1, value);
  return [after(text, last, (indent) => serialise(text, value, indent))];
}

/** Adds `"key": value` as the last property of the object node (the key must be absent). */
export function appendProperty(text: string, object: Node, key: string, value: unknown): TextEdit[] {
  const last = object.children?.[object.children.length - 1];
  if (!last) return setAt(text, [...pathOf(object), key], value);
  return [after(text, last, (indent) => `${JSON.stringify(key)}: ${serialise(text, value, indent)}`)];
}
