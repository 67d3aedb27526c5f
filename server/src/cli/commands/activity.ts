import { parseArgs } from 'util';
import { ActivitySummary } from '../../engine/cloudtrail';
import { WalkProblem } from '../files';
import { walkRecords } from '../forEachRecord';
import { CliIO, Command, EXIT, UsageError, paint } from '../io';
import { Progress, timeWindow } from '../cloudtrailInputs';

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
    // Records are streamed from bytes (one chunk and one record in memory); the summary keeps counts only.
    const summary = new ActivitySummary(window);
    let progress: Progress | undefined;
    const { files, skipped } = await walkRecords(positionals, io.cwd, problems, {
      window,
      sniff: true,
      onFile: (display, i, total) => (progress ??= new Progress(io, total)).tick(i, display),
    }, (value, malformed) => summary.addRecord(value, malformed));
    summary.files = files;
    progress?.done();

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
