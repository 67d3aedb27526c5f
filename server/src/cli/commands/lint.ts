import { fixAllText } from '../../engine/assist/fixAll';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { parseArgs } from 'util';
import {
  lint, LintOptions, DEFAULT_SETTINGS, mergeSettings, isDocumentKind, DocumentKind, Finding, Severity,
} from '../../engine';
import { ConfigResolver, loadConfigFile, kindFromConfig, isIgnored, LoadedConfig } from '../../node/configLoader';
import { expandInputs, WalkProblem } from '../files';
import { readTextFile } from '../readInput';
import { CliIO, Command, EXIT, UsageError } from '../io';
import { Position, positionsFromText, reporterFor } from '../reporters';
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

    const progress = new Progress(io, files.length);
    // Output is written file by file; the progress line is cleared before each write.
    const sink = values.output ? (t: string) => fs.appendFileSync(path.resolve(io.cwd, values.output!), t) : io.out;
    if (values.output) fs.writeFileSync(path.resolve(io.cwd, values.output), '');
    const out = (t: string) => {
      progress.done();
      sink(t);
    };
    const reporter = reporterFor(format, io, out, { version: VERSION, quiet: values.quiet! });
    const problem = (p: WalkProblem) => {
      progress.done();
      io.err(`connect-guard: ${displayPath(io, p.path)}: ${p.message}\n`);
    };
    problems.forEach(problem);
    let problemCount = problems.length;
    let done = 0;
    for (const abs of files) {
      progress.tick(done++, path.relative(io.cwd, abs));
      const config = explicitConfig ?? resolver.forFile(abs);
      if (isIgnored(config, abs)) continue;
      const display = path.relative(io.cwd, abs) || path.basename(abs);
      const settings = mergeSettings(DEFAULT_SETTINGS, config?.config);
      const opts = { kind, configKind: kindFromConfig(config, abs), fileName: abs, settings, cloudtrailWindow };
      const big = !values.fix && bigCloudTrail(abs, opts);
      if (big) {
        if ('problem' in big) {
          problemCount++;
          problem({ path: display, message: big.problem });
        } else reporter.file({ path: display, ...big });
        continue;
      }
      const read = readWhole(abs);
      if (read.text === undefined) {
        problemCount++;
        problem({ path: display, message: read.problem! });
        continue;
      }
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
      reporter.file({ path: display, findings: result.findings, position: positionsFromText(text) });
    }
    progress.done();
    reporter.end();

    if (problemCount) return EXIT.usage;
    if (failOn === 'never') return EXIT.ok;
    return reporter.reached(failOn as Severity) ? EXIT.findings : EXIT.ok;
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
function bigCloudTrail(abs: string, opts: LintOptions): { findings: Finding[]; position: (offset: number) => Position } | { problem: string } | undefined {
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
  return { findings: r.findings, position: r.position };
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
