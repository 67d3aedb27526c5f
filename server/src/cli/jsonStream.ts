/**
 * Writes a JSON document whose one big array is streamed item by item, byte for byte the
 * same as `JSON.stringify(whole, null, 2)`: a folder of logs is reported without holding
 * every file's findings in memory.
 */
const SLOT = '@@connect-guard-stream-slot@@';

export class StreamedJsonArray {
  private head: string;
  private tail: string;
  private indent: string;
  private count = 0;

  /** `skeleton` builds the document around the array it is given. */
  constructor(private readonly skeleton: (items: unknown[]) => unknown, private readonly write: (s: string) => void) {
    const text = JSON.stringify(skeleton([SLOT]), null, 2);
    const at = text.indexOf(`"${SLOT}"`);
    const lineStart = text.lastIndexOf('\n', at) + 1;
    this.indent = text.slice(lineStart, at);
    this.head = text.slice(0, lineStart);
    this.tail = text.slice(text.indexOf('\n', at));
  }

  push(item: unknown): void {
    const body = JSON.stringify(item, null, 2).replace(/\n/g, `\n${this.indent}`);
    this.write(`${this.count++ ? ',\n' : this.head}${this.indent}${body}`);
  }

  end(): void {
    this.write(this.count ? `${this.tail}\n` : `${JSON.stringify(this.skeleton([]), null, 2)}\n`);
  }
}
