import { findNodeAtLocation, Node } from 'jsonc-parser';
import { parseJson } from '../json';
import { Rule, RuleContext, RuleMeta, TimeWindow } from '../types';
import { CloudTrailScanner, ScannedRecord } from './scanner';
import { EventData, eventData, eventTimeMs } from './model';

export type { TimeWindow } from '../types';

export interface Range {
  offset: number;
  length: number;
}

/**
 * One record as the rules see it: the plain value from `JSON.parse`, and exact ranges
 * computed on demand (a syntax tree of this record only, built the first time a rule
 * asks for a location: records without findings never get one).
 */
/**
 * For records that are not slices of one big text (the byte path): offsets are shifted by
 * `base`, and every range handed to a rule is announced so its position can be computed
 * while the record's text is alive.
 */
export interface RecordLocator {
  base: number;
  note(absolute: number, local: number): void;
}

export class RecordView {
  private tree: Node | undefined | null = null;
  private dataCache: EventData | undefined;

  constructor(readonly text: string, readonly scanned: ScannedRecord, private readonly locator?: RecordLocator) {}

  get value(): unknown {
    return this.scanned.value;
  }

  get index(): number {
    return this.scanned.index;
  }

  get data(): EventData {
    return (this.dataCache ??= eventData(this.scanned.value));
  }

  /** The whole record. */
  get span(): Range {
    return this.range(this.scanned.start, this.scanned.end - this.scanned.start);
  }

  /** The record's first character (a visible anchor for findings about the whole record). */
  get first(): Range {
    return this.range(this.scanned.start, this.firstLength());
  }

  /** One character: two UTF-16 units when the record starts with a surrogate pair (never half of one). */
  private firstLength(): number {
    const t = this.text;
    const s = this.scanned.start;
    const c = t.charCodeAt(s);
    return c >= 0xd800 && c <= 0xdbff && (t.charCodeAt(s + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }

  /** The value node at `path` inside the record, with offsets into the whole text. */
  node(path: (string | number)[]): Range | undefined {
    // parseJson refuses absurd nesting instead of overflowing the stack (no location then: the record's first character is used).
    if (this.tree === null) this.tree = parseJson(this.text.slice(this.scanned.start, this.scanned.end)).root;
    if (!this.tree) return undefined;
    const n = path.length ? findNodeAtLocation(this.tree, path) : this.tree;
    return n ? this.range(n.offset + this.scanned.start, n.length) : undefined;
  }

  /** The key node of the property at `path`. */
  key(path: (string | number)[]): Range | undefined {
    if (!path.length) return undefined;
    this.node([]);
    if (!this.tree) return undefined;
    const n = findNodeAtLocation(this.tree, path);
    const k = n?.parent?.type === 'property' ? n.parent.children?.[0] : undefined;
    return k ? this.range(k.offset + this.scanned.start, k.length) : undefined;
  }

  private range(offset: number, length: number): Range {
    const l = this.locator;
    if (!l) return { offset, length };
    l.note(offset + l.base, offset);
    l.note(offset + length + l.base, offset + length);
    return { offset: offset + l.base, length };
  }

  /** Where a finding about the call points: the eventName value, else the record's first character. */
  get anchor(): Range {
    return this.node(['eventName']) ?? this.first;
  }

  /** userIdentity, for related information. */
  get identity(): Range | undefined {
    return this.node(['userIdentity']);
  }
}

export interface CloudTrailRun {
  readonly text: string;
  readonly scanner: CloudTrailScanner;
  readonly window?: TimeWindow;
}

export interface CloudTrailVisitor {
  record(r: RecordView): void;
  /** After the last record (aggregated findings). */
  end?(): void;
}

/** A rule that sees the records one at a time, in one shared pass over the text. */
export interface CloudTrailRule extends Rule {
  start(ctx: RuleContext, run: CloudTrailRun): CloudTrailVisitor;
}

export function isCloudTrailRule(r: Rule): r is CloudTrailRule {
  return typeof (r as Partial<CloudTrailRule>).start === 'function';
}

/** Builds a CloudTrail rule whose `check` also works alone (it scans the text itself). */
export function cloudTrailRule(meta: RuleMeta, start: (ctx: RuleContext, run: CloudTrailRun) => CloudTrailVisitor): CloudTrailRule {
  const rule: CloudTrailRule = {
    ...meta,
    start,
    check(ctx) {
      const run = runOf(ctx.text, ctx.cloudtrailWindow);
      runCloudTrail(ctx.text, [{ rule, visitor: start(ctx, run) }], ctx.cloudtrailWindow, undefined, run.scanner);
    },
  };
  return rule;
}

function runOf(text: string, window?: TimeWindow): CloudTrailRun {
  return { text, scanner: new CloudTrailScanner(text), window };
}

export interface ActiveVisitor {
  rule: Rule;
  visitor: CloudTrailVisitor;
}

export interface CloudTrailPassResult {
  scanner: CloudTrailScanner;
  records: number;
  /** Records left out by the time window. */
  outsideWindow: number;
}

/**
 * One pass over the records, every visitor per record. A visitor that throws is dropped
 * for the rest of the pass and reported through `onError` (once), the others go on.
 */
export function runCloudTrail(text: string, active: ActiveVisitor[], window?: TimeWindow, onError?: (rule: Rule, error: unknown) => void, scanner = new CloudTrailScanner(text)): CloudTrailPassResult {
  return drain(runCloudTrailSteps(text, active, window, onError, scanner));
}

/** Records between two yields of the stepwise pass (a few ms of work). */
export const RECORDS_PER_STEP = 512;

/**
 * `runCloudTrail` as a generator that yields every `RECORDS_PER_STEP` records, so that an
 * editor can interleave other work and drop stale passes (just stop calling `next`).
 */
export function* runCloudTrailSteps(text: string, active: ActiveVisitor[], window?: TimeWindow, onError?: (rule: Rule, error: unknown) => void, scanner = new CloudTrailScanner(text)): Generator<void, CloudTrailPassResult> {
  function* views(): Generator<RecordView> {
    for (const rec of scanner.records()) yield new RecordView(text, rec);
  }
  const counts = yield* visitSteps(views(), active, window, onError);
  return { scanner, ...counts };
}

/** One pass of the visitors over records from any source (see `lintCloudTrailBytes`). */
export function runCloudTrailViews(views: Iterable<RecordView>, active: ActiveVisitor[], window?: TimeWindow, onError?: (rule: Rule, error: unknown) => void): { records: number; outsideWindow: number } {
  return drain(visitSteps(views, active, window, onError));
}

function* visitSteps(views: Iterable<RecordView>, active: ActiveVisitor[], window?: TimeWindow, onError?: (rule: Rule, error: unknown) => void): Generator<void, { records: number; outsideWindow: number }> {
  let live = active.slice();
  let records = 0;
  let outsideWindow = 0;
  const fail = (a: ActiveVisitor, e: unknown) => {
    live = live.filter((x) => x !== a);
    onError?.(a.rule, e);
  };
  const windowed = !!window && (window.since !== undefined || window.until !== undefined);
  for (const view of views) {
    records++;
    if (records % RECORDS_PER_STEP === 0) yield;
    if (windowed) {
      const t = eventTimeMs(view.value);
      if (t !== undefined && ((window!.since !== undefined && t < window!.since) || (window!.until !== undefined && t >= window!.until))) {
        outsideWindow++;
        continue;
      }
    }
    for (const a of live) {
      try {
        a.visitor.record(view);
      } catch (e) {
        fail(a, e);
      }
    }
  }
  for (const a of live) {
    try {
      a.visitor.end?.();
    } catch (e) {
      fail(a, e);
    }
  }
  return { records, outsideWindow };
}

/** Runs a stepwise generator to its end. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
