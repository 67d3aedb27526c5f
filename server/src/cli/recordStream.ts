import * as fs from 'fs';
import * as zlib from 'zlib';

/**
 * Splits CloudTrail bytes into records without decoding the whole file: the structural
 * characters (quotes, backslashes, braces, brackets) are ASCII and never occur inside a
 * UTF-8 multi-byte sequence, so the scan runs on bytes and only each record is decoded.
 * Memory is one chunk plus one record, whatever the file size (a 1 GB log, or a gzip
 * file larger than a JavaScript string can hold).
 */
export class RecordSplitter {
  private carry: Buffer = Buffer.alloc(0);
  private inString = false;
  private depth = 0;
  /** Depth at which records start: 2 in {"Records":[...]}, 1 in a top-level array, 0 for a record or JSON Lines. */
  private recordDepth = -1;
  private recordStart = -1;
  private head = '';

  /** Complete records in this chunk (and the carried part of the previous one). */
  push(chunk: Buffer): Buffer[] {
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const out: Buffer[] = [];
    let i = this.carry.length ? this.carryScanned : 0;
    const n = buf.length;
    if (this.recordDepth < 0) {
      this.head = buf.toString('latin1', 0, Math.min(n, 4096));
      this.decideShape();
      if (this.recordDepth < 0 && n < 4096) {
        this.carry = buf;
        this.carryScanned = 0;
        return out;
      }
      if (this.recordDepth < 0) this.recordDepth = 0;
    }
    while (i < n) {
      if (this.inString) {
        const q = buf.indexOf(34, i);
        if (q < 0) {
          i = n;
          break;
        }
        let b = q - 1;
        while (b >= 0 && buf[b] === 92) b--;
        i = q + 1;
        if ((q - 1 - b) % 2 === 0) this.inString = false;
        continue;
      }
      const c = buf[i];
      if (c === 34) this.inString = true;
      else if (c === 123 || c === 91) {
        if (this.depth === this.recordDepth && c === 123) this.recordStart = i;
        this.depth++;
      } else if (c === 125 || c === 93) {
        this.depth--;
        if (this.depth === this.recordDepth && this.recordStart >= 0 && c === 125) {
          out.push(buf.subarray(this.recordStart, i + 1));
          this.recordStart = -1;
        }
        if (this.depth < 0) this.depth = 0;
      }
      i++;
    }
    // Keep only the unfinished record (a string may be open inside it: rescanning from its start is not needed).
    if (this.recordStart >= 0) {
      this.carry = Buffer.from(buf.subarray(this.recordStart));
      this.carryScanned = n - this.recordStart;
      this.recordStart = 0;
    } else {
      this.carry = Buffer.alloc(0);
      this.carryScanned = 0;
    }
    return out;
  }

  /** Bytes of an unfinished record at the end of the input (a truncated file), if any. */
  get unfinished(): number {
    return this.recordStart >= 0 ? this.carry.length : 0;
  }

  private carryScanned = 0;

  /** Decides the layout once the head shows it (the first key of an object must be complete). */
  private decideShape(): void {
    if (this.head === '\xEF' || this.head === '\xEF\xBB') return; // a BOM split across chunks
    const body = this.head.replace(/^(?:\uFEFF|\xEF\xBB\xBF)/, '');
    const open = /^\s*(\S)/.exec(body);
    if (!open) return;
    if (open[1] === '[') this.recordDepth = 1;
    else if (open[1] !== '{') this.recordDepth = 0;
    else {
      const k = /^\s*\{\s*"([^"\\]*)"\s*(:?)\s*(\S?)/.exec(body);
      if (!k) {
        if (/^\s*\{\s*[^\s"]/.test(body)) this.recordDepth = 0;
        return;
      }
      if (k[1] !== 'Records') this.recordDepth = 0;
      else if (k[3] === '[') this.recordDepth = 2;
      else if (k[3] !== '') this.recordDepth = 0;
    }
  }
}

export interface StreamedRecord {
  value?: unknown;
  /** The record's bytes were not valid JSON. */
  malformed?: boolean;
}

/**
 * Every record of a CloudTrail file (`.gz` decompressed on the fly), parsed one at a time.
 * Rejects with the read or gzip error.
 */
export async function* streamRecords(file: string, chunkSize = 4 << 20): AsyncGenerator<StreamedRecord, { unfinishedBytes: number }> {
  const raw = fs.createReadStream(file, { highWaterMark: chunkSize });
  const source: AsyncIterable<Buffer> = /\.gz$/i.test(file) ? raw.pipe(zlib.createGunzip({ chunkSize: 1 << 20 })) : raw;
  const splitter = new RecordSplitter();
  try {
    for await (const chunk of source) {
      for (const rec of splitter.push(chunk)) {
        let value: unknown;
        try {
          value = JSON.parse(rec.toString('utf8'));
        } catch {
          yield { malformed: true };
          continue;
        }
        yield { value };
      }
    }
  } finally {
    raw.destroy();
  }
  return { unfinishedBytes: splitter.unfinished };
}
