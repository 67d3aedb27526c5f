import { TimeWindow } from '../engine';
import { CliIO, UsageError } from './io';

/**
 * CloudTrail inputs for the CLI: time windows, the S3 delivery layout
 * (`AWSLogs/[OrgID/]Account/CloudTrail/region/YYYY/MM/DD/`) and a progress line.
 */

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DAY_MS = 86_400_000;

/**
 * `--since` / `--until` value to ms since the epoch. Times without a zone are UTC (as
 * CloudTrail's eventTime). A date alone in `--until` includes that whole day.
 */
export function parseTimeOption(option: 'since' | 'until', value: string): number {
  const v = value.trim();
  if (DATE_ONLY.test(v)) {
    const ms = Date.parse(`${v}T00:00:00Z`);
    if (!Number.isNaN(ms)) return option === 'until' ? ms + DAY_MS : ms;
  } else if (DATE_TIME.test(v)) {
    const ms = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(v) ? v : `${v}Z`);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new UsageError(`--${option} must be an ISO 8601 date or UTC time such as 2026-10-01 or 2026-10-01T09:00:00Z (got "${value}")`);
}

export function timeWindow(since: string | undefined, until: string | undefined): TimeWindow | undefined {
  if (since === undefined && until === undefined) return undefined;
  const w: TimeWindow = {};
  if (since !== undefined) w.since = parseTimeOption('since', since);
  if (until !== undefined) w.until = parseTimeOption('until', until);
  if (w.since !== undefined && w.until !== undefined && w.since >= w.until) throw new UsageError('--since must be before --until');
  return w;
}

/** The delivery day of a file in the S3 layout (UTC midnight, ms), from its path. */
export function s3DeliveryDay(file: string): number | undefined {
  const m = /[\\/]CloudTrail(?:-Insight)?[\\/][a-z0-9-]+[\\/](\d{4})[\\/](\d{2})[\\/](\d{2})[\\/][^\\/]+$/.exec(file);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Whether a file may hold records in the window. A day's folder can hold events from
 * shortly before midnight (delivery lags by minutes), so a day of margin is kept.
 */
export function mayHoldWindow(file: string, window: TimeWindow | undefined): boolean {
  if (!window) return true;
  const day = s3DeliveryDay(file);
  if (day === undefined) return true;
  if (window.until !== undefined && day - DAY_MS >= window.until) return false;
  if (window.since !== undefined && day + 2 * DAY_MS <= window.since) return false;
  return true;
}

/** CloudTrail digest files (integrity validation) are not event records. */
export function isCloudTrailDigest(file: string): boolean {
  return /[\\/]CloudTrail-Digest[\\/]/.test(file) || /_CloudTrail-Digest_/.test(file);
}

/** Whether a file looks like a delivered or exported CloudTrail file by its path alone. */
export function looksLikeCloudTrailPath(file: string): boolean {
  return s3DeliveryDay(file) !== undefined || /_CloudTrail(-Insight)?_/.test(file) || /\.(cloudtrail|trail)\.(json|jsonl)$/i.test(file);
}

/**
 * Whether stderr is a terminal: `errIsTTY` when the IO says so, else the process's stderr
 * (and never when stdout is not a terminal either, to keep CI logs clean).
 */
export function stderrIsTTY(io: CliIO): boolean {
  const told = (io as CliIO & { errIsTTY?: boolean }).errIsTTY;
  if (told !== undefined) return told && !io.env.CI;
  return io.isTTY && !!process.stderr.isTTY && !io.env.CI;
}

/** A one-line progress report on stderr, only when it is a terminal. */
export class Progress {
  private last = 0;
  private shown = false;

  constructor(private readonly io: CliIO, private readonly total: number, private readonly enabled = stderrIsTTY(io)) {}

  tick(done: number, label: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && done < this.total) return;
    this.last = now;
    const shortLabel = label.length > 60 ? `...${label.slice(-57)}` : label;
    this.io.err(`\r\u001b[2K[${done}/${this.total}] ${shortLabel}`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.io.err('\r\u001b[2K');
    this.shown = false;
  }
}
