import { Finding, LineIndex, SEVERITY_ORDER, Severity } from '../engine';
import { CliIO, paint } from './io';
import { StreamedJsonArray } from './jsonStream';
import { ruleIndexOf, sarifLog, sarifResults } from './sarif';

export type Position = { line: number; character: number };

/** One linted file as the reporters see it: positions come from its text or were kept by the byte path. */
export interface ReportedFile {
  path: string;
  findings: readonly Finding[];
  position: (offset: number) => Position;
}

/**
 * Writes each file's findings as soon as the file is linted and keeps only counts, so that
 * a folder of thousands of logs is reported in constant memory.
 */
export interface Reporter {
  file(f: ReportedFile): void;
  end(): void;
  /** Whether a finding at or above `severity` was reported (for the exit code). */
  reached(severity: Severity): boolean;
}

export function positionsFromText(text: string): (offset: number) => Position {
  const lines = new LineIndex(text);
  return (o) => lines.position(o);
}

/** `file:line:col severity rule message`, the CLI's text line for one finding (lint and check-activity). */
export function findingLine(io: CliIO, path: string, p: Position, f: Finding): string {
  return `${path}:${p.line + 1}:${p.character + 1} ${paint(io, f.severity, f.severity)} ${paint(io, 'dim', f.rule)} ${f.message}`;
}

abstract class Counting implements Reporter {
  protected readonly counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  protected files = 0;
  protected withFindings = 0;
  file(f: ReportedFile): void {
    this.files++;
    if (f.findings.length) this.withFindings++;
    for (const x of f.findings) this.counts[x.severity]++;
    this.write(f);
  }
  reached(severity: Severity): boolean {
    return (Object.keys(this.counts) as Severity[]).some((s) => this.counts[s] > 0 && SEVERITY_ORDER[s] >= SEVERITY_ORDER[severity]);
  }
  protected abstract write(f: ReportedFile): void;
  abstract end(): void;
}

class JsonReporter extends Counting {
  private readonly array: StreamedJsonArray;
  constructor(version: string, out: (s: string) => void) {
    super();
    this.array = new StreamedJsonArray((files) => ({ version, files }), out);
  }
  protected write(f: ReportedFile): void {
    const file = this.array.nested((findings) => ({ path: f.path, findings }));
    for (const x of f.findings) {
      const s = f.position(x.offset);
      const e = f.position(x.offset + x.length);
      file.push({ ...x, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 });
    }
    file.end();
  }
  end(): void {
    this.array.end();
  }
}

class SarifReporter extends Counting {
  private readonly array: StreamedJsonArray;
  private readonly ruleIndex = ruleIndexOf();
  constructor(version: string, out: (s: string) => void) {
    super();
    this.array = new StreamedJsonArray((results) => sarifLog(results, version), out);
  }
  protected write(f: ReportedFile): void {
    for (const r of sarifResults(f, f.position, this.ruleIndex)) this.array.push(r);
  }
  end(): void {
    this.array.end();
  }
}

class TextReporter extends Counting {
  constructor(private readonly io: CliIO, private readonly out: (s: string) => void, private readonly quiet: boolean) {
    super();
  }
  protected write(f: ReportedFile): void {
    const lines: string[] = [];
    for (const x of f.findings) {
      if (this.quiet && x.severity !== 'error') continue;
      lines.push(`${findingLine(this.io, f.path, f.position(x.offset), x)}\n`);
    }
    if (lines.length) this.out(lines.join(''));
  }
  end(): void {
    const { io, counts, files, withFindings } = this;
    const total = counts.error + counts.warning + counts.info + counts.hint;
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    this.out(
      paint(io, 'bold', total === 0
        ? `${plural(files, 'file')} checked, no findings.`
        : `${plural(files, 'file')} checked, ${withFindings} with findings: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info + counts.hint} info.`) + '\n',
    );
  }
}

export function reporterFor(format: string, io: CliIO, out: (s: string) => void, opts: { version: string; quiet: boolean }): Reporter {
  if (format === 'sarif') return new SarifReporter(opts.version, out);
  if (format === 'json') return new JsonReporter(opts.version, out);
  return new TextReporter(io, out, opts.quiet);
}
