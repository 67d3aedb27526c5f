import * as fs from 'fs';
import * as zlib from 'zlib';

export interface ReadResult {
  text?: string;
  /** Why the file could not be read as text; reported as an error, not a crash. */
  problem?: string;
}

/**
 * Reads a file as UTF-8 text (`.gz` decompressed). Invalid UTF-8 and binary content
 * are reported, not guessed at.
 */
export function readTextFile(file: string): ReadResult {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    return { problem: `cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  if (/\.gz$/i.test(file)) {
    try {
      buf = zlib.gunzipSync(buf);
    } catch (e) {
      return { problem: `not a valid gzip file (${(e as Error).message})` };
    }
  }
  if (buf.includes(0)) return { problem: 'binary file (contains NUL bytes); expected JSON text' };
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD') && !isValidUtf8(buf)) return { problem: 'not valid UTF-8; AWS policy documents and CloudTrail files are UTF-8 JSON' };
  return { text };
}

function isValidUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}
