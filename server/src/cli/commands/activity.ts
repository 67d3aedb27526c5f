import * as path from 'path';
import { parseArgs } from 'util';
import { ActivitySummary } from '../../engine/cloudtrail';
import { expandInputs, WalkProblem } from '../files';
import { streamRecords } from '../recordStream';
import { ConfigResolver, isIgnored } from '../../node/configLoader';
import { CliIO, Command, EXIT, UsageError, paint } from '../io';
import { isCloudTrailDigest, looksLikeCloudTrailPath, mayHoldWindow, Progress, timeWindow } from '../cloudtrailInputs';
import { isObject } from '../../engine/cloudtrail';

function isRecordLike(v: unknown): boolean {
  return isObject(v) && ('eventVersion' in v || 'eventName' in v || 'eventSource' in v || 'eventType' in v);
}

export const activityCommand: Command = {
  name: 'activity',
  summary: 'Summarise sensitive Amazon Connect calls in CloudTrail logs (per principal, API, day)',
  usage: 'connect-guard activity <files|dirs...> [--since DATE] [--until DATE] [--format text|json] [--top N]',
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        since: { type: 'string' },
        until: { type: 'string' },
        top: { type: 'string', default: '20' },
      },
    });
    const format = values.format!;
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json (got "${format}")`);
    const top = Number(values.top);
    if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top must be a positive whole number (got "${values.top}")`);
    if (!positionals.length) throw new UsageError('give CloudTrail files or folders (e.g. a downloaded AWSLogs/ tree)');
    const window = timeWindow(values.since, values.until);
    const problems: WalkProblem[] = [];
    const resolver = new ConfigResolver();
    const files = expandInputs(positionals.map((p) => path.resolve(io.cwd, p)), problems).filter((f) => !isCloudTrailDigest(f) && mayHoldWindow(f, window) && !isIgnored(resolver.forFile(f), f));

    // Records are streamed from bytes (one chunk and one record in memory); the summary keeps counts only.
    const summary = new ActivitySummary(window);
    const progress = new Progress(io, files.length);
    let skipped = 0;
    for (const [i, abs] of files.entries()) {
      const display = path.relative(io.cwd, abs) || path.basename(abs);
      progress.tick(i, display);
      summary.files++;
      try {
        const records = streamRecords(abs);
        let first = true;
        for (;;) {
          const r = await records.next();
          if (r.done) {
            if (r.value.unfinishedBytes) problems.push({ path: display, message: `ends inside a record (${r.value.unfinishedBytes} bytes): the file is truncated` });
            break;
          }
          // A folder may hold policies next to logs: a file is skipped when neither its name nor its first record says CloudTrail.
          if (first && !looksLikeCloudTrailPath(abs) && !isRecordLike(r.value.value) && !r.value.malformed) {
            summary.files--;
            skipped++;
            await records.return({ unfinishedBytes: 0 });
            break;
          }
          first = false;
          summary.addRecord(r.value.value, r.value.malformed);
        }
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        problems.push({ path: display, message: err.code === 'Z_DATA_ERROR' || err.code === 'Z_BUF_ERROR' ? `not a valid gzip file (${err.message})` : `cannot read (${err.code ?? err.message})` });
      }
    }
    progress.done();

    for (const p of problems) io.err(`connect-guard: ${p.path}: ${p.message}\n`);
    if (format === 'json') io.out(JSON.stringify(summary.toJSON(), null, 2) + '\n');
    else io.out(activityText(summary, io, top) + (skipped ? `${skipped} file${skipped === 1 ? '' : 's'} skipped: not CloudTrail (no event record fields).\n` : ''));
    return problems.length ? EXIT.usage : EXIT.ok;
  },
};

function table(title: string, head: string[], rows: string[][], io: CliIO): string {
  if (!rows.length) return '';
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [paint(io, 'bold', title), line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), ''].join('\n') + '\n';
}

export function activityText(summary: ActivitySummary, io: CliIO, top = 20): string {
  const s = summary.toJSON();
  const t = s.totals;
  const limit = <T>(rows: T[]) => rows.slice(0, top);
  const more = (n: number, what: string) => (n > top ? `(${n - top} more ${what}; --top or --format json for all)\n\n` : '');
  let out = '';
  out += table('Sensitive calls per principal', ['principal', 'calls', 'failed', 'APIs'], limit(s.byPrincipal).map((r) => [r.key, String(r.calls), String(r.failed), String(r.apis.length)]), io);
  out += more(s.byPrincipal.length, 'principals');
  out += table('Sensitive calls per API', ['API', 'calls', 'failed', 'severity'], limit(s.byApi).map((r) => [r.key, String(r.calls), String(r.failed), r.severity]), io);
  out += more(s.byApi.length, 'APIs');
  out += table('Sensitive calls per day (UTC)', ['day', 'calls', 'failed'], s.byDay.map((r) => [r.key, String(r.calls), String(r.failed)]), io);
  out += paint(io, 'bold', 'Totals') + '\n';
  out += `files ${t.files}, records ${t.records}${t.outsideWindow ? ` (${t.outsideWindow} outside --since/--until)` : ''}${t.malformed ? `, ${t.malformed} malformed` : ''}, Connect family calls ${t.connectCalls}, sensitive calls ${t.sensitiveCalls} (${t.failedSensitiveCalls} failed)\n`;
  if (!t.sensitiveCalls) out += 'No sensitive Amazon Connect calls found.\n';
  return out;
}
