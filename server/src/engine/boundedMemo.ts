/**
 * A memo table that never holds more than `limit` entries: when full it starts again
 * empty. Cheaper than LRU bookkeeping on every hit, and memory stays flat however long an
 * editor session types new values; the cost of a clear is recomputing what is used next.
 */
export class BoundedMemo<K, V> {
  private readonly map = new Map<K, V>();

  constructor(readonly limit: number) {}

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): V {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(typeof key === 'string' ? (detach(key) as K) : key, value);
    return value;
  }
}

/**
 * The same text in a string of its own. V8 keeps a substring (every string value the JSON
 * parser returns) as a view of the whole document, so a memo keyed by it would keep old
 * versions of the document alive for as long as the entry lives.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}
