import { lint, LintOptions } from '../lint';
import { Finding } from '../types';

/** A file to analyse, read only when its turn comes. */
export interface CloudTrailSource {
  name: string;
  read(): { text?: string; problem?: string };
}

export interface CloudTrailFileResult {
  name: string;
  /** The file's text: valid until the next file is requested; do not keep it. */
  text?: string;
  findings: Finding[];
  problem?: string;
}

/**
 * Lints CloudTrail files one at a time: each file is read when the consumer asks for the
 * next result, and nothing of the previous one is kept, so memory does not grow with
 * the number of files (a folder of a month of logs).
 */
export function* lintCloudTrailFiles(sources: Iterable<CloudTrailSource>, options: LintOptions = {}): Generator<CloudTrailFileResult> {
  for (const src of sources) {
    const read = src.read();
    if (read.text === undefined) {
      yield { name: src.name, findings: [], problem: read.problem ?? 'cannot read' };
      continue;
    }
    const result = lint(read.text, { kind: 'cloudtrail', fileName: src.name, ...options });
    yield { name: src.name, text: read.text, findings: result.findings };
  }
}
