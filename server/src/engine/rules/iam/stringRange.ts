import type { Node } from '../../json';

/**
 * Document range of `value.slice(start, end)` inside a JSON string node. The node's
 * offset is its opening quote; escapes (`\/`, `\u0041`) make the source longer than the
 * value, so indices are mapped through the raw text when they differ.
 */
export function rangeInString(text: string, node: Node, start: number, end: number): { offset: number; length: number } {
  const base = node.offset + 1;
  const value = String(node.value);
  // An unterminated string (the parser recovered) has no closing quote to skip.
  const close = isTerminated(text, node) ? 1 : 0;
  if (node.length - 1 - close === value.length) return { offset: base + start, length: end - start };
  const map: number[] = [];
  let r = base;
  const stop = node.offset + node.length - close;
  while (r < stop) {
    map.push(r);
    if (text.charCodeAt(r) === 92 /* \ */) r += text.charCodeAt(r + 1) === 117 /* u */ ? 6 : 2;
    else r++;
  }
  map.push(stop);
  const s = map[Math.min(start, map.length - 1)];
  const e = map[Math.min(end, map.length - 1)];
  return { offset: s, length: e - s };
}

function isTerminated(text: string, node: Node): boolean {
  const last = node.offset + node.length - 1;
  if (node.length < 2 || text.charCodeAt(last) !== 34 /* " */) return false;
  let slashes = 0;
  for (let i = last - 1; i > node.offset && text.charCodeAt(i) === 92; i--) slashes++;
  return slashes % 2 === 0;
}

/** The string's content without its quotes. */
export function contentRange(node: Node): { offset: number; length: number } {
  return { offset: node.offset + 1, length: Math.max(0, node.length - 2) };
}
