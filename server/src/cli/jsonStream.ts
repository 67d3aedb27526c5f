/**
 * Writes a JSON document whose big array is streamed item by item, byte for byte the same
 * as `JSON.stringify(whole, null, 2)`: a folder of logs (or one log with 100,000 findings)
 * is reported without holding the whole document, or a second copy of it, in memory.
 */
const SLOT = '@@connect-guard-stream-slot@@';

export class StreamedJsonArray {
  private readonly head: string;
  private readonly tail: string;
  private readonly indent: string;
  private count = 0;

  /**
   * `skeleton` builds the document around the array it is given. `base` and `prefix` are
   * for an array nested in an item of another (see `nested`).
   */
  constructor(
    private readonly skeleton: (items: unknown[]) => unknown,
    private readonly write: (s: string) => void,
    private readonly base = '',
    private readonly prefix = '',
  ) {
    const text = JSON.stringify(skeleton([SLOT]), null, 2);
    const at = text.indexOf(`"${SLOT}"`);
    const lineStart = text.lastIndexOf('\n', at) + 1;
    this.indent = base + text.slice(lineStart, at);
    this.head = `${this.reindent(text.slice(0, lineStart - 1))}\n`;
    this.tail = this.reindent(text.slice(text.indexOf('\n', at)));
  }

  private reindent(s: string): string {
    return this.base ? s.replace(/\n/g, `\n${this.base}`) : s;
  }

  private next(): string {
    return this.count++ ? ',\n' : this.prefix + this.head;
  }

  push(item: unknown): void {
    this.write(`${this.next()}${this.indent}${JSON.stringify(item, null, 2).replace(/\n/g, `\n${this.indent}`)}`);
  }

  /** An item that holds a streamed array of its own; its `end()` closes the item. */
  nested(skeleton: (items: unknown[]) => unknown): StreamedJsonArray {
    return new StreamedJsonArray(skeleton, this.write, this.indent, this.next() + this.indent);
  }

  end(): void {
    const close = this.count ? this.tail : this.prefix + this.reindent(JSON.stringify(this.skeleton([]), null, 2));
    this.write(this.base ? close : `${close}\n`);
  }
}
