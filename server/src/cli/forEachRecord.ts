import * as path from 'path';
import { expandInputs, WalkProblem } from './files';
import { streamRecords } from './recordStream';
import { isCloudTrailDigest, looksLikeCloudTrailPath, mayHoldWindow } from './cloudtrailInputs';
import { ConfigResolver, isIgnored } from '../node/configLoader';
import { TimeWindow } from '../engine';
import { eventTimeMs, isObject } from '../engine/cloudtrail';

export interface RecordWalk {
  /** Files whose S3 day folder lies outside the window are skipped unread. */
  window?: TimeWindow;
  /** Skip a file when neither its name nor its first record says CloudTrail (folders may hold policies too). */
  sniff?: boolean;
  /** Called before each file (progress). */
  onFile?: (display: string, index: number, total: number) => void;
}

function isRecordLike(v: unknown): boolean {
  return isObject(v) && ('eventVersion' in v || 'eventName' in v || 'eventSource' in v || 'eventType' in v);
}

/**
 * Streams every record of the CloudTrail inputs (files, folders, .gz), one at a time: one
 * chunk and one record in memory. Digest files and files ignored by .connectguard.json are
 * skipped. Read, gzip and truncation problems are collected, not thrown. Paths are shown
 * relative to `cwd` (CLI) or absolute without one (editor).
 */
export async function walkRecords(inputs: string[], cwd: string | undefined, problems: WalkProblem[], walk: RecordWalk, visit: (value: unknown, malformed: boolean) => void): Promise<{ files: number; skipped: number }> {
  const resolver = new ConfigResolver();
  const files = expandInputs(inputs.map((p) => path.resolve(cwd ?? '/', p)), problems).filter((f) => !isCloudTrailDigest(f) && mayHoldWindow(f, walk.window) && !isIgnored(resolver.forFile(f), f));
  let skipped = 0;
  for (const [i, abs] of files.entries()) {
    const display = cwd === undefined ? abs : path.relative(cwd, abs) || path.basename(abs);
    walk.onFile?.(display, i, files.length);
    try {
      const records = streamRecords(abs);
      let first = walk.sniff && !looksLikeCloudTrailPath(abs);
      for (;;) {
        const r = await records.next();
        if (r.done) {
          if (r.value.unfinishedBytes) problems.push({ path: display, message: `ends inside a record (${r.value.unfinishedBytes} bytes): the file is truncated` });
          break;
        }
        if (first && !isRecordLike(r.value.value) && !r.value.malformed) {
          skipped++;
          await records.return({ unfinishedBytes: 0 });
          break;
        }
        first = false;
        visit(r.value.value, !!r.value.malformed);
      }
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      problems.push({ path: display, message: err.code === 'Z_DATA_ERROR' || err.code === 'Z_BUF_ERROR' ? `not a valid gzip file (${err.message})` : `cannot read (${err.code ?? err.message})` });
    }
  }
  return { files: files.length - skipped, skipped };
}

/** Every well-formed record (an object) within the optional time window; returns the number of files read. */
export async function forEachRecord(inputs: string[], cwd: string | undefined, window: TimeWindow | undefined, problems: WalkProblem[], visit: (record: Record<string, unknown>) => void): Promise<number> {
  const { files } = await walkRecords(inputs, cwd, problems, { window }, (v) => {
    if (!isObject(v)) return;
    if (window) {
      const t = eventTimeMs(v);
      if (t === undefined || (window.since !== undefined && t < window.since) || (window.until !== undefined && t >= window.until)) return;
    }
    visit(v);
  });
  return files;
}
