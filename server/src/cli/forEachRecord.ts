import * as path from 'path';
import { expandInputs, WalkProblem } from './files';
import { streamRecords } from './recordStream';
import { isCloudTrailDigest, mayHoldWindow } from './cloudtrailInputs';
import { TimeWindow } from '../engine';
import { eventTimeMs } from '../engine/cloudtrail';

/**
 * Streams every record of the CloudTrail inputs (files, folders, .gz), one at a time,
 * within the optional time window. Read problems are collected, not thrown.
 */
export async function forEachRecord(inputs: string[], cwd: string | undefined, window: TimeWindow | undefined, problems: WalkProblem[], visit: (record: Record<string, unknown>) => void): Promise<number> {
  const files = expandInputs(inputs.map((p) => path.resolve(cwd ?? '/', p)), problems).filter((f) => !isCloudTrailDigest(f) && mayHoldWindow(f, window));
  for (const abs of files) {
    // Paths are shown relative to cwd (CLI); without one (editor), absolute.
    const display = cwd === undefined ? abs : path.relative(cwd, abs) || path.basename(abs);
    try {
      for await (const r of streamRecords(abs)) {
        const v = r.value;
        if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
        if (window) {
          const t = eventTimeMs(v);
          if (t === undefined || (window.since !== undefined && t < window.since) || (window.until !== undefined && t >= window.until)) continue;
        }
        visit(v as Record<string, unknown>);
      }
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      problems.push({ path: display, message: `cannot read (${err.code ?? err.message})` });
    }
  }
  return files.length;
}
