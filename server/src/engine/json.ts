import { parseTree, Node, ParseError, printParseErrorCode, ParseErrorCode } from 'jsonc-parser';

export type { Node } from 'jsonc-parser';

export interface JsonSyntaxError {
  message: string;
  offset: number;
  length: number;
  code: ParseErrorCode;
}

export interface JsonDocument {
  text: string;
  root: Node | undefined;
  errors: JsonSyntaxError[];
  /** Comments found while parsing (IAM rejects them). */
  comments: { offset: number; length: number }[];
}

const MESSAGES: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'Invalid symbol',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number format',
  [ParseErrorCode.PropertyNameExpected]: 'Property name expected',
  [ParseErrorCode.ValueExpected]: 'Value expected',
  [ParseErrorCode.ColonExpected]: 'Colon expected',
  [ParseErrorCode.CommaExpected]: 'Comma expected',
  [ParseErrorCode.CloseBraceExpected]: 'Closing brace "}" expected',
  [ParseErrorCode.CloseBracketExpected]: 'Closing bracket "]" expected',
  [ParseErrorCode.EndOfFileExpected]: 'End of file expected',
  [ParseErrorCode.InvalidCommentToken]: 'Invalid comment',
  [ParseErrorCode.UnexpectedEndOfComment]: 'Comment is not closed',
  [ParseErrorCode.UnexpectedEndOfString]: 'String is not closed',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'Number is not complete',
  [ParseErrorCode.InvalidUnicode]: 'Invalid unicode escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape character',
  [ParseErrorCode.InvalidCharacter]: 'Invalid character (control characters must be escaped)',
};

/**
 * jsonc-parser recurses once per level and so do tree-walking rules: 100,000 nested
 * brackets overflow the stack and would kill the language server. IAM policies nest about
 * 6 levels and CloudTrail records about 20, so 512 rejects nothing real and stays far from
 * the stack limit even when called deep inside the server.
 */
export const MAX_NESTING = 512;
/** Not a jsonc-parser code: the document was refused before parsing because of its depth. */
export const NESTING_TOO_DEEP = 1000 as ParseErrorCode;

/**
 * Offset of the first bracket that opens level `max + 1`, or -1. Linear, no recursion.
 * Strings and comments are skipped as jsonc-parser's scanner does (a string also ends at a
 * line break), so brackets inside them do not count and nothing the parser would nest is missed.
 */
export function nestingBeyond(text: string, max: number): number {
  if (openersAtMost(text, max)) return -1;
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) return i;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (depth > 0) depth--;
    } else if (c === 34 /* " */) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34 || d === 10 || d === 13) break;
      }
    } else if (c === 47 /* / */) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      } else if (d === 42 /* * */) {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? n : end + 1;
      }
    }
  }
  return -1;
}

/**
 * Whether the text holds at most `max` opening brackets (in strings and comments too): then
 * nothing nests deeper than `max`. A few native searches instead of a scan in script.
 */
function openersAtMost(text: string, max: number): boolean {
  if (text.length <= max) return true;
  let count = 0;
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) if (++count > max) return false;
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) if (++count > max) return false;
  return true;
}

/**
 * Parses tolerantly: comments and trailing commas are accepted by the parser (so the
 * rest of the document is still linted) and reported separately by `json-syntax`.
 * A leading BOM is skipped (offsets stay relative to the original text).
 */
export function parseJson(text: string): JsonDocument {
  const tooDeep = nestingBeyond(text, MAX_NESTING);
  if (tooDeep >= 0) {
    return {
      text,
      root: undefined,
      errors: [{ message: `Nested more than ${MAX_NESTING} levels deep: the document was not analysed (no IAM policy or CloudTrail record nests this deep)`, offset: tooDeep, length: 1, code: NESTING_TOO_DEEP }],
      comments: [],
    };
  }
  const errors: ParseError[] = [];
  const comments: { offset: number; length: number }[] = [];
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = bom ? ' ' + text.slice(1) : text;
  const root = parseTree(source, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
  const out: JsonSyntaxError[] = [];
  // jsonc-parser reports an unclosed block comment one character past the end of the text,
  // and "expected" errors at the end with length 1: clamped, or a fix removing the comment
  // would edit outside the document.
  const end = text.length;
  for (const e of errors) {
    const offset = Math.min(Math.max(e.offset, 0), end);
    const length = Math.min(Math.max(e.length, 0), end - offset);
    if (e.error === ParseErrorCode.InvalidCommentToken) {
      comments.push({ offset, length });
      continue;
    }
    out.push({ message: MESSAGES[e.error] ?? printParseErrorCode(e.error), offset, length, code: e.error });
  }
  return { text, root, errors: out, comments };
}

/** Offset of the comma that makes the error at `offset` a trailing comma (whitespace skipped), or -1. */
export function trailingCommaBefore(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return text[i] === ',' ? i : -1;
}

/**
 * For a document's syntax errors, a function giving the comma that makes an error a trailing
 * comma, or -1. Only a comma directly before the bracket that closes its own container is
 * one: `{"a": 1,: 2}` is something else, and so is `{"a": 1,]` (a mismatched bracket, where
 * removing the comma fixes nothing). jsonc-parser tells the containers apart: after a comma
 * an object reports "property name expected" (and "value expected"), an array only "value
 * expected". The errors alone suffice, so CloudTrail's per-record errors work too.
 */
export function trailingCommas(text: string, errors: readonly { offset: number; code: ParseErrorCode }[]): (e: { offset: number; code: ParseErrorCode }) => number {
  const inObject = new Set<number>();
  for (const e of errors) if (e.code === ParseErrorCode.PropertyNameExpected) inObject.add(e.offset);
  return (e) => {
    const c = text[e.offset];
    if ((c !== '}' && c !== ']') || (e.code !== ParseErrorCode.PropertyNameExpected && e.code !== ParseErrorCode.ValueExpected)) return -1;
    if ((c === '}') !== inObject.has(e.offset)) return -1;
    return trailingCommaBefore(text, e.offset);
  };
}

/** The deepest object or array whose brackets enclose [from, to) (strictly inside them). */
export function containerAround(root: Node | undefined, from: number, to: number): Node | undefined {
  let found: Node | undefined;
  let n = root;
  while (n) {
    const box = n.type === 'object' || n.type === 'array';
    if (box && !(n.offset < from && to < n.offset + n.length)) break;
    if (box) found = n;
    n = childAround(n, from, to);
  }
  return found;
}

/** The child of `n` that encloses [from, to), by binary search (children are in document order; a list can hold 100,000 items). */
export function childAround(n: Node, from: number, to: number): Node | undefined {
  const kids = n.children;
  if (!kids?.length) return undefined;
  // The last child starting at or before `from`: the only one that can enclose the range.
  let lo = 0;
  let hi = kids.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (kids[mid].offset <= from) lo = mid;
    else hi = mid - 1;
  }
  const k = kids[lo];
  return k.offset <= from && to <= k.offset + k.length ? k : undefined;
}

/** The first comma of the run of commas (and whitespace) that ends at `comma`: `[1,,]` has two to remove. */
export function firstCommaOfRun(text: string, comma: number): number {
  let first = comma;
  for (let i = comma - 1; i >= 0; i--) {
    if (text[i] === ',') first = i;
    else if (!/\s/.test(text[i])) break;
  }
  return first;
}

/** Properties of an object node, in document order: [name, keyNode, valueNode]. */
export interface Property {
  name: string;
  key: Node;
  value: Node | undefined;
  /** The whole property node (key, colon and value). */
  node: Node;
}

export function properties(obj: Node | undefined): Property[] {
  if (!obj || obj.type !== 'object' || !obj.children) return [];
  const out: Property[] = [];
  for (const p of obj.children) {
    const key = p.children?.[0];
    if (!key) continue;
    out.push({ name: String(key.value), key, value: p.children?.[1], node: p });
  }
  return out;
}

/** First property with exactly this name. */
export function property(obj: Node | undefined, name: string): Property | undefined {
  if (!obj || obj.type !== 'object' || !obj.children) return undefined;
  for (const p of obj.children) {
    const key = p.children?.[0];
    if (key && key.value === name) return { name, key, value: p.children?.[1], node: p };
  }
  return undefined;
}

export interface StringItem {
  value: string;
  node: Node;
}

/** A string, or the string items of an array (non-strings are skipped). */
export function stringItems(node: Node | undefined): StringItem[] {
  if (!node) return [];
  if (node.type === 'string') return [{ value: node.value as string, node }];
  if (node.type === 'array' && node.children) {
    const out: StringItem[] = [];
    for (const c of node.children) if (c.type === 'string') out.push({ value: c.value as string, node: c });
    return out;
  }
  return [];
}

/** JSON path of a node from the root, e.g. ["Statement", 0, "Action"]. */
export function pathOf(node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  let cur: Node | undefined = node;
  while (cur && cur.parent) {
    const parent: Node = cur.parent;
    if (parent.type === 'property') {
      path.unshift(String(parent.children?.[0]?.value));
      cur = parent.parent;
    } else if (parent.type === 'array') {
      path.unshift(parent.children ? parent.children.indexOf(cur) : 0);
      cur = parent;
    } else {
      cur = parent;
    }
  }
  return path;
}

/** Offsets of line starts; build once per document for fast offset -> line/column. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }
  /** 0-based line and character (UTF-16 units), as LSP wants. */
  position(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }
  offset(line: number, character: number): number {
    if (line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[Math.max(0, line)] + character, this.text.length);
  }
}
