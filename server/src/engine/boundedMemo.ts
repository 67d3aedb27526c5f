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
    this.map.set(key, value);
    return value;
  }
}
