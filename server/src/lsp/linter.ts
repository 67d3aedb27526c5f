import * as os from 'os';
import { Worker } from 'worker_threads';
import { lint, LintOptions, LintResult, LineIndex, Finding } from '../engine';
import { Logger } from './logger';
import { capFindings } from './findingCap';

/** What crosses to the worker: options without functions or catalogue objects. */
export type PlainLintOptions = Pick<LintOptions, 'kind' | 'configKind' | 'fileName' | 'settings'> & {
  /** connectGuard.maxFindingsPerFile (default MAX_EDITOR_FINDINGS). */
  maxFindings?: number;
};

export const WORKER_ROLE = 'connect-guard-lint';

/** Texts at least this long are linted off the main thread. */
export const BIG_TEXT = 512 * 1024;

/**
 * A big text goes to the worker in slices this long, one per event-loop turn: copying
 * 20 MB in one postMessage blocked the main thread for tens of milliseconds.
 */
export const SLICE_CHARS = 1 << 20;

/** One message to the lint worker: a slice of a job's text; the last slice carries the options and starts the lint. */
export interface JobSlice {
  id: number;
  part: string;
  options?: PlainLintOptions;
}

/** Line/character of the offsets findings use, computed where the text is (the worker), so the main thread never indexes a big text. */
export type OffsetPositions = Record<number, { line: number; character: number }>;

export interface LinterResult extends LintResult {
  positions?: OffsetPositions;
}

/** The job was stopped because its document changed (see Linter.cancel). */
export class LintCancelled extends Error {
  constructor() {
    super('lint cancelled: the document changed');
  }
}

interface Job {
  key?: string;
  resolve(r: LinterResult): void;
  reject(e: unknown): void;
}

/**
 * Lints small texts inline (a policy lints in a millisecond) and big ones (CloudTrail
 * logs of tens of MB) in one worker thread, so the main thread keeps answering other
 * documents' diagnostics, hovers and completions while a big log is analysed. The
 * worker is the same bundle started with a role (see server.ts) and loads the IAM data
 * once; a crash is logged and the next big job starts a new worker.
 */
export class Linter {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly jobs = new Map<number, Job>();
  constructor(private readonly log: Logger, private readonly workerScript: string | undefined) {}

  /** `key` names the job for `cancel` (the document's uri). */
  run(text: string, options: PlainLintOptions, key?: string): Promise<LinterResult> {
    if (text.length < BIG_TEXT || !this.workerScript) return Promise.resolve(lintForEditor(text, options, (m) => this.log.error(m)));
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const result = new Promise<LinterResult>((resolve, reject) => {
      this.jobs.set(id, { key, resolve, reject });
    });
    void this.send(worker, id, text, options);
    return result;
  }

  private async send(worker: Worker, id: number, text: string, options: PlainLintOptions): Promise<void> {
    for (let at = 0; ; at += SLICE_CHARS) {
      // A crash or a cancel stopped the worker meanwhile (and rejected the job). A job cancelled
      // while others run is sent in full all the same, so the worker holds no partial text.
      if (this.worker !== worker) return;
      const last = at + SLICE_CHARS >= text.length;
      const slice: JobSlice = { id, part: text.slice(at, at + SLICE_CHARS), options: last ? options : undefined };
      worker.postMessage(slice);
      if (last) return;
      await new Promise((r) => setImmediate(r));
    }
  }

  /**
   * Rejects the big-text jobs named `key` with LintCancelled. When they were all the worker
   * had, it is stopped, so the document's next version starts at once instead of waiting
   * for a stale analysis of tens of MB; otherwise the worker finishes them for no one.
   */
  cancel(key: string): void {
    let any = false;
    for (const [id, job] of this.jobs) {
      if (job.key !== key) continue;
      any = true;
      this.jobs.delete(id);
      job.reject(new LintCancelled());
    }
    if (any && this.jobs.size === 0) this.dispose();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.workerScript!, { workerData: { role: WORKER_ROLE } });
    w.on('message', (m: { id: number; result?: LinterResult; error?: string; ruleErrors?: string[] }) => {
      for (const e of m.ruleErrors ?? []) this.log.error(e);
      const job = this.jobs.get(m.id);
      this.jobs.delete(m.id);
      if (!job) return;
      if (m.result) job.resolve(m.result);
      else job.reject(new Error(m.error ?? 'lint worker failed'));
    });
    const fail = (why: string) => {
      this.log.error(`lint worker stopped: ${why}`);
      if (this.worker === w) this.worker = undefined;
      for (const job of this.jobs.values()) job.reject(new Error(why));
      this.jobs.clear();
    };
    w.on('error', (e) => fail(e.stack ?? e.message));
    w.on('exit', (code) => {
      if (code !== 0 && this.worker === w) fail(`exit code ${code}`);
    });
    w.unref();
    this.worker = w;
    return w;
  }

  dispose(): void {
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }
}

/**
 * Lowers the calling lint thread's scheduling priority, so that on a busy machine the main
 * thread (other documents' diagnostics, hovers) and the editor get the CPU before a long log
 * analysis. Linux only: there a thread has its own nice value; elsewhere this would lower
 * the whole server.
 */
export function lowerLintThreadPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(0, 10);
  } catch {
    // Not permitted here: run at the default priority.
  }
}

/** The worker side: answers lint jobs until the process ends. */
export function serveLintJobs(port: { on(ev: 'message', cb: (m: JobSlice) => void): void; postMessage(m: unknown): void }): void {
  const parts = new Map<number, string[]>();
  port.on('message', ({ id, part, options }) => {
    const received = parts.get(id) ?? [];
    received.push(part);
    if (!options) {
      parts.set(id, received);
      return;
    }
    parts.delete(id);
    const text = received.join('');
    try {
      const ruleErrors: string[] = [];
      const result: LinterResult = lintForEditor(text, options, (m) => ruleErrors.push(m));
      result.positions = positionsOf(text, result.findings);
      port.postMessage({ id, result, ruleErrors });
    } catch (e) {
      port.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
}

/** lint() with each failing rule's stack sent to the log (the finding says only that it failed), findings capped for the editor. */
function lintForEditor(text: string, options: PlainLintOptions, log: (m: string) => void): LintResult {
  const { maxFindings, ...lintOptions } = options;
  const result = lint(text, {
    ...lintOptions,
    onRuleError: (rule, e) => log(`rule ${rule.name} failed on ${options.fileName ?? 'a document'}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
  });
  return { ...result, findings: capFindings(result.findings, options.fileName, maxFindings) };
}

function positionsOf(text: string, findings: readonly Finding[]): OffsetPositions {
  const lines = new LineIndex(text);
  const out: OffsetPositions = {};
  const add = (o: number, len: number) => {
    out[o] = lines.position(o);
    out[o + len] = lines.position(o + len);
  };
  for (const f of findings) {
    add(f.offset, f.length);
    for (const r of f.related ?? []) add(r.offset, r.length);
    for (const x of f.fixes ?? []) for (const e of x.edits) add(e.offset, e.length);
  }
  return out;
}
