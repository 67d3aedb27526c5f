import * as fs from 'fs';
import * as zlib from 'zlib';
import { RecordSplitter } from '../engine/cloudtrail/bytes';

const decoder = new TextDecoder('utf-8');

export interface StreamedRecord {
  value?: unknown;
  /** The record's bytes were not valid JSON. */
  malformed?: boolean;
}

/**
 * Every record of a CloudTrail file, parsed one at a time (`.gz` decompressed on the fly):
 * one chunk and one record in memory whatever the size (a 1 GB log, or a gzip file larger
 * than a JavaScript string can hold). Rejects with the read or gzip error.
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
          value = JSON.parse(decoder.decode(rec.bytes));
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
