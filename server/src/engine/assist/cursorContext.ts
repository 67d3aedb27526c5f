import { findNodeAtOffset } from 'jsonc-parser';
import { Node, parseJson, pathOf, property } from '../json';

/** Where the cursor is, in policy terms. */
export type CursorContext =
  | { at: 'action'; node: Node; element: 'Action' | 'NotAction' }
  | { at: 'resource'; node: Node }
  | { at: 'operator'; node: Node; operator: string }
  | { at: 'conditionKey'; node: Node; operator: string; key: string }
  | { at: 'eventName'; node: Node; eventSource: string }
  | { at: 'other'; node: Node | undefined };

/** Index in `path` of the statement element (`Action`, `Condition`...), after `Statement[, n]`. */
function elementIndex(path: (string | number)[]): number {
  if (path[0] !== 'Statement') return -1;
  return typeof path[1] === 'number' ? 2 : 1;
}

function isKey(node: Node): boolean {
  return node.parent?.type === 'property' && node.parent.children?.[0] === node;
}

export function cursorContext(text: string, offset: number): CursorContext {
  const root = parseJson(text).root;
  const node = root ? findNodeAtOffset(root, offset, true) : undefined;
  if (!node || node.type !== 'string') return { at: 'other', node };
  const trail = eventNameContext(node);
  if (trail) return trail;
  const path = pathOf(node);
  const i = elementIndex(path);
  if (i < 0 || path.length <= i) return { at: 'other', node };
  const element = path[i];
  const rest = path.length - i - 1;
  if ((element === 'Action' || element === 'NotAction') && !isKey(node) && rest <= 1) return { at: 'action', node, element };
  if ((element === 'Resource' || element === 'NotResource') && !isKey(node) && rest <= 1) return { at: 'resource', node };
  if (element === 'Condition' && isKey(node)) {
    if (rest === 1) return { at: 'operator', node, operator: String(path[i + 1]) };
    if (rest === 2) return { at: 'conditionKey', node, operator: String(path[i + 1]), key: String(path[i + 2]) };
  }
  return { at: 'other', node };
}

/** The value of a CloudTrail record's `eventName`, with the record's `eventSource`. */
function eventNameContext(node: Node): CursorContext | undefined {
  const prop = node.parent;
  if (prop?.type !== 'property' || prop.children?.[1] !== node || prop.children?.[0]?.value !== 'eventName') return undefined;
  const source = property(prop.parent, 'eventSource')?.value;
  return source?.type === 'string' ? { at: 'eventName', node, eventSource: String(source.value) } : undefined;
}

/** The string's content range (inside the quotes; to the cursor when unterminated). */
export function stringContentRange(text: string, node: Node, cursor: number): { offset: number; length: number } {
  const start = node.offset + 1;
  const closed = node.length > 1 && text.charCodeAt(node.offset + node.length - 1) === 34;
  const end = closed ? node.offset + node.length - 1 : Math.max(start, cursor);
  return { offset: start, length: end - start };
}
