import { fixAllText } from '../../engine/assist/fixAll';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { parseArgs } from 'util';
import {
  lint, LintOptions, DEFAULT_SETTINGS, mergeSettings, isDocumentKind, DocumentKind, Finding, SEVERITY_ORDER, Severity, LineIndex,
} from '../../engine';
import { ConfigResolver, loadConfigFile, kindFromConfig, isIgnored, LoadedConfig } from '../../node/configLoader';
import { expandInputs, WalkProblem } from '../files';
import { readTextFile } from '../readInput';
import { CliIO, Command, EXIT, UsageError, paint } from '../io';
import { toSarif, FileResult } from '../sarif';
import { lintBytesIfCloudTrail } from '../../engine/cloudtrail';
import { isCloudTrailDigest, mayHoldWindow, Progress, timeWindow } from '../cloudtrailInputs';
import { VERSION } from '../version';

const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Check policies and CloudTrail files',
  usage: 'connect-guard lint [files|dirs|globs...] [--kind K] [--format text|json|sarif] [--config FILE] [--fail-on error|warning|info|never] [--fix] [--output FILE] [--since DATE] [--until DATE]',
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        kind: { type: 'string' },
        format: { type: 'string', default: 'text' },
        config: { type: 'string' },
        'fail-on': { type: 'string', default: 'error' },
        fix: { type: 'boolean', default: false },
        output: { type: 'string', short: 'o' },
        quiet: { type: 'boolean', short: 'q', default: false },
        since: { type: 'string' },
        until: { type: 'string' },
      },
    });
    const cloudtrailWindow = timeWindow(values.since, values.until);
    const format = values.format!;
    if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif (got "${format}")`);
    const failOn = values['fail-on']!;
    if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new UsageError(`--fail-on must be error, warning, info or never (got "${failOn}")`);
    let kind: DocumentKind | undefined;
    if (values.kind !== undefined) {
      if (!isDocumentKind(values.kind)) throw new UsageError(`--kind must be identity, scp, endpoint, resource, trust or cloudtrail (got "${values.kind}")`);
      kind = values.kind;
    }
    const explicitConfig: LoadedConfig | undefined = values.config ? loadConfigFile(path.resolve(io.cwd, values.config)) : undefined;
    const resolver = new ConfigResolver();
    const inputs = positionals.length ? positionals : ['.'];
    const problems: WalkProblem[] = [];
    // Digest files are integrity proofs, not records; S3 day folders outside --since/--until are skipped unread.
    const files = expandInputs(inputs.map((p) => path.resolve(io.cwd, p)), problems).filter((f) => !isCloudTrailDigest(f) && mayHoldWindow(f, cloudtrailWindow));

    const results: LintedFile[] = [];
    const progress = new Progress(io, files.length);
    let done = 0;
    for (const abs of files) {
      progress.tick(done++, path.relative(io.cwd, abs));
      const config = explicitConfig ?? resolver.forFile(abs);
      if (isIgnored(config, abs)) continue;
      const display = path.relative(io.cwd, abs) || path.basename(abs);
      const settingsEarly = mergeSettings(DEFAULT_SETTINGS, config?.config);
      const big = !values.fix && bigCloudTrail(abs, { kind, configKind: kindFromConfig(config, abs), fileName: abs, settings: settingsEarly, cloudtrailWindow });
      if (big) {
        if ('problem' in big) problems.push({ path: display, message: big.problem });
        else results.push(big.result(display));
        continue;
      }
      const read = readWhole(abs);
      if (read.text === undefined) {
        problems.push({ path: display, message: read.problem! });
        continue;
      }
      const settings = mergeSettings(DEFAULT_SETTINGS, config?.config);
      const opts = { kind, configKind: kindFromConfig(config, abs), fileName: abs, settings, cloudtrailWindow };
      let text = read.text;
      let result = lint(text, opts);
      if (values.fix && !/\.gz$/i.test(abs)) {
        const fixed = fixAllText(text, (t) => lint(t, opts).findings);
        if (fixed !== text) {
          fs.writeFileSync(abs, fixed);
          text = fixed;
          result = lint(text, opts);
        }
      }
      if (result.kind === 'cloudtrail') results.push(withoutText(display, abs, text, result.findings));
      else results.push({ path: display, text, findings: result.findings });
    }
    progress.done();

    const out = values.output ? (s: string) => fs.appendFileSync(path.resolve(io.cwd, values.output!), s) : io.out;
    if (values.output) fs.writeFileSync(path.resolve(io.cwd, values.output), '');
    for (const p of problems) io.err(`connect-guard: ${displayPath(io, p.path)}: ${p.message}\n`);
    if (format === 'sarif') out(JSON.stringify(toSarif(results, VERSION), null, 2) + '\n');
    else if (format === 'json') out(JSON.stringify(toJson(results), null, 2) + '\n');
    else out(toText(results, io, values.quiet!));

    if (problems.length && files.length === 0) return EXIT.usage;
    if (problems.length) return EXIT.usage;
    if (failOn === 'never') return EXIT.ok;
    const threshold = SEVERITY_ORDER[failOn as Severity];
    return results.some((r) => r.findings.some((f) => SEVERITY_ORDER[f.severity] >= threshold)) ? EXIT.findings : EXIT.ok;
  },
};

/** A path as the user would type it: relative to the working directory when inside it. */
function displayPath(io: CliIO, p: string): string {
  if (!path.isAbsolute(p)) return p;
  const rel = path.relative(io.cwd, p);
  return rel && !rel.startsWith('..') ? rel : p;
}

/** Above this size a CloudTrail file is linted from its bytes: no string of the whole file. */
const BIG_FILE = 16 * 1024 * 1024;

/**
 * Lints a big CloudTrail file from its bytes (peak memory: the bytes and one record, not
 * bytes plus a decoded copy); undefined when the file is small or not CloudTrail, so the
 * caller takes the text path.
 */
function bigCloudTrail(abs: string, opts: LintOptions): { result: (display: string) => LintedFile } | { problem: string } | undefined {
  let size: number;
  try {
    size = fs.statSync(abs).size;
  } catch {
    return undefined;
  }
  const gz = /\.gz$/i.test(abs);
  // A gzip file of CloudTrail JSON inflates about 10 to 20 times.
  if ((gz ? size * 10 : size) < BIG_FILE) return undefined;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
    if (gz) bytes = zlib.gunzipSync(bytes);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { problem: gz && !err.code?.startsWith('E') ? `not a valid gzip file (${err.message})` : `cannot read (${err.code ?? err.message})` };
  }
  const r = lintBytesIfCloudTrail(bytes, opts);
  if (!r) return undefined;
  const { findings, position } = r;
  return {
    result: (display) => ({
      path: display,
      findings,
      get text() {
        return findings.length ? (readWhole(abs).text ?? '') : '';
      },
      position,
    }),
  };
}

/**
 * Reads a file as one text. A file too large for a JavaScript string (about 512 MB) is a
 * problem to report, not a crash: `activity` streams such files record by record.
 */
function readWhole(abs: string): { text?: string; problem?: string } {
  try {
    return readTextFile(abs);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_STRING_TOO_LONG' || err instanceof RangeError) {
      return { problem: 'too large to check as one text (over about 512 MB): split it by day or region, or summarise it with `connect-guard activity`, which streams it' };
    }
    return { problem: `cannot read (${err.code ?? err.message})` };
  }
}

/** The CLI's --fix and the editor's "Fix all" share one implementation. */
export { fixAllText as fixAll };

type Position = { line: number; character: number };

/** A linted file; CloudTrail files keep positions instead of their text (see `withoutText`). */
interface LintedFile extends FileResult {
  position?: (offset: number) => Position;
}

/**
 * Keeps a CloudTrail file's result without its text, so that a folder of logs is linted
 * in constant memory: positions of every finding are computed now, and the text is read
 * again only if SARIF output asks for it (one file at a time).
 */
function withoutText(display: string, abs: string, text: string, findings: Finding[]): LintedFile {
  const positions = findingPositions(text, findings);
  return {
    path: display,
    findings,
    get text() {
      return findings.length ? (readTextFile(abs).text ?? '') : '';
    },
    position: (o) => positions.get(o) ?? { line: 0, character: 0 },
  };
}

// A function of its own: a closure next to the LineIndex would keep it, and the text, alive.
function findingPositions(text: string, findings: Finding[]): Map<number, Position> {
  const positions = new Map<number, Position>();
  if (!findings.length) return positions;
  const idx = new LineIndex(text);
  for (const f of findings) {
    for (const [o, l] of [[f.offset, f.length], ...(f.related ?? []).map((r) => [r.offset, r.length])]) {
      positions.set(o, idx.position(o));
      positions.set(o + l, idx.position(o + l));
    }
  }
  return positions;
}

function positionsOf(r: LintedFile): (offset: number) => Position {
  if (r.position) return r.position;
  const lines = new LineIndex(r.text);
  return (o) => lines.position(o);
}

function toJson(results: LintedFile[]) {
  return {
    version: VERSION,
    files: results.map((r) => {
      const lines = { position: positionsOf(r) };
      return {
        path: r.path,
        findings: r.findings.map((f) => {
          const s = lines.position(f.offset);
          const e = lines.position(f.offset + f.length);
          return { ...f, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
        }),
      };
    }),
  };
}

function toText(results: LintedFile[], io: CliIO, quiet: boolean): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of results) {
    const idx = { position: positionsOf(r) };
    for (const f of r.findings) {
      counts[f.severity]++;
      if (quiet && f.severity !== 'error') continue;
      const p = idx.position(f.offset);
      lines.push(`${r.path}:${p.line + 1}:${p.character + 1} ${paint(io, f.severity, f.severity)} ${paint(io, 'dim', f.rule)} ${f.message}`);
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const files = results.length;
  const withFindings = results.filter((r) => r.findings.length).length;
  lines.push(
    total === 0
      ? paint(io, 'bold', `${files} file${files === 1 ? '' : 's'} checked, no findings.`)
      : paint(io, 'bold', `${files} file${files === 1 ? '' : 's'} checked, ${withFindings} with findings: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info + counts.hint} info.`),
  );
  return lines.join('\n') + '\n';
}
