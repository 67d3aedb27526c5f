import { ParseErrorCode } from 'jsonc-parser';
import { JsonDocument, JsonSyntaxError, LineIndex, Node } from '../json';
import { DEFAULT_SETTINGS } from '../config';
import { RULES } from '../registry';
import { Finding, KindSource, Report, Rule, RuleContext } from '../types';
import { resolveKindWithoutTree } from '../kinds';
import { readPolicy } from '../policy';
import { jsonSyntax } from '../rules/grammar/jsonSyntax';
import type { LintOptions } from '../lint';
import { reportRuleError, sortFindings, toFinding, withKindFinding } from '../lint';
import { ActiveVisitor, CloudTrailRun, isCloudTrailRule, RecordView, runCloudTrailViews } from './analyse';
import { CloudTrailScanner, parseRecordText } from './scanner';

const Q = 34;
const BS = 92;
const NL = 10;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Splits CloudTrail bytes into records without decoding the whole input: quotes,
 * backslashes, braces and brackets are ASCII and never occur inside a UTF-8 multi-byte
 * sequence, so the scan runs on bytes and only each record is decoded. Fed in chunks, it
 * keeps one chunk and one unfinished record.
 */
export class RecordSplitter {
  private carry: Uint8Array = new Uint8Array(0);
  private carryScanned = 0;
  private inString = false;
  private depth = 0;
  /** Depth at which records start: 2 in {"Records":[...]}, 1 in a top-level array, 0 for a record or JSON Lines. */
  private recordDepth = -1;
  private recordStart = -1;
  private head = '';
  /** JSON Lines: decided by the first record (complete on one line, at top level). */
  private lineMode: boolean | undefined;
  /** Bytes consumed before the current buffer (offsets of records in the whole input). */
  private consumed = 0;

  /** Complete records in this chunk (and the carried part of the previous one), with their byte offsets in the whole input. */
  push(chunk: Uint8Array): { bytes: Uint8Array; offset: number }[] {
    const buf = this.carry.length ? concat(this.carry, chunk) : chunk;
    const out: { bytes: Uint8Array; offset: number }[] = [];
    let i = this.carry.length ? this.carryScanned : 0;
    const n = buf.length;
    if (this.recordDepth < 0) {
      let head = '';
      for (let k = 0; k < Math.min(n, 4096); k++) head += String.fromCharCode(buf[k]);
      this.head = head;
      this.decideShape();
      if (this.recordDepth < 0 && n < 4096) {
        this.carry = buf;
        this.carryScanned = 0;
        return out;
      }
      if (this.recordDepth < 0) this.recordDepth = 0;
    }
    while (i < n) {
      if (this.inString) {
        const q = buf.indexOf(Q, i);
        if (this.lineMode) {
          // JSON Lines: a string never crosses a line; an unterminated one ends the broken record here.
          const nl = buf.indexOf(NL, i);
          if (nl >= 0 && (q < 0 || nl < q)) {
            i = this.brokenLine(buf, nl, out);
            continue;
          }
        }
        if (q < 0) {
          i = n;
          break;
        }
        let b = q - 1;
        while (b >= 0 && buf[b] === BS) b--;
        i = q + 1;
        if ((q - 1 - b) % 2 === 0) this.inString = false;
        continue;
      }
      const c = buf[i];
      if (c === Q) this.inString = true;
      else if (c === 123 || c === 91) {
        if (this.depth === this.recordDepth && c === 123) this.recordStart = i;
        this.depth++;
      } else if (c === 125 || c === 93) {
        this.depth--;
        if (this.depth === this.recordDepth && this.recordStart >= 0 && c === 125) {
          const bytes = buf.subarray(this.recordStart, i + 1);
          if (this.lineMode === undefined) this.lineMode = this.recordDepth === 0 && bytes.indexOf(NL) < 0;
          out.push({ bytes, offset: this.consumed + this.recordStart });
          this.recordStart = -1;
        }
        if (this.depth < 0) this.depth = 0;
      } else if (c === NL && this.lineMode && this.depth > 0) {
        i = this.brokenLine(buf, i, out);
        continue;
      }
      i++;
    }
    if (this.recordStart >= 0) {
      this.carry = buf.slice(this.recordStart);
      this.carryScanned = n - this.recordStart;
      this.consumed += this.recordStart;
      this.recordStart = 0;
    } else {
      this.consumed += n;
      this.carry = new Uint8Array(0);
      this.carryScanned = 0;
    }
    return out;
  }

  /** Emits the broken record that ends at the line break `nl` (JSON.parse will reject it) and resets; returns where to go on. */
  private brokenLine(buf: Uint8Array, nl: number, out: { bytes: Uint8Array; offset: number }[]): number {
    if (this.recordStart >= 0) out.push({ bytes: buf.subarray(this.recordStart, nl), offset: this.consumed + this.recordStart });
    this.recordStart = -1;
    this.inString = false;
    this.depth = 0;
    return nl + 1;
  }

  /** Bytes of an unfinished record at the end of the input (a truncated file), if any. */
  get unfinished(): number {
    return this.recordStart >= 0 ? this.carry.length : 0;
  }

  /** Decides the layout once the head shows it (the first key of an object must be complete). */
  private decideShape(): void {
    if (this.head === '\xEF' || this.head === '\xEF\xBB') return; // a BOM split across chunks
    const body = this.head.replace(/^(?:\uFEFF|\xEF\xBB\xBF)/, '');
    const open = /^\s*(\S)/.exec(body);
    if (!open) return;
    if (open[1] === '[') this.recordDepth = 1;
    else if (open[1] !== '{') this.recordDepth = 0;
    else {
      const k = /^\s*\{\s*"([^"\\]*)"\s*(:?)\s*(\S?)/.exec(body);
      if (!k) {
        if (/^\s*\{\s*[^\s"]/.test(body)) this.recordDepth = 0;
        return;
      }
      if (k[1] !== 'Records') this.recordDepth = 0;
      else if (k[3] === '[') this.recordDepth = 2;
      else if (k[3] !== '') this.recordDepth = 0;
    }
  }
}

export type Position = { line: number; character: number };

export interface BytesLintResult {
  findings: Finding[];
  /** Line and UTF-16 character of every offset the findings use (finding and related ranges). */
  position(offset: number): Position;
}

/** UTF-16 offset, line and line-start of a point in UTF-8 bytes, advanced forward only. */
class Cursor {
  byte = 0;
  utf16 = 0;
  line = 0;
  lineStart = 0;

  constructor(private readonly bytes: Uint8Array) {}

  advanceTo(target: number): void {
    const b = this.bytes;
    let u = this.utf16;
    let line = this.line;
    let lineStart = this.lineStart;
    for (let i = this.byte; i < target; i++) {
      const c = b[i];
      if (c < 0x80) {
        u++;
        if (c === 10) {
          line++;
          lineStart = u;
        }
      } else if ((c & 0xc0) !== 0x80) u += c >= 0xf0 ? 2 : 1;
    }
    this.byte = target;
    this.utf16 = u;
    this.line = line;
    this.lineStart = lineStart;
  }
}

const NO_POLICY = readPolicy(undefined);
const decoder = new TextDecoder('utf-8');

/**
 * Lints CloudTrail records straight from UTF-8 bytes: no string of the whole input, so
 * peak memory is the bytes plus one record (the CLI's path for big files). Offsets are
 * UTF-16 offsets into the decoded text, as `lint()` gives; positions are computed while
 * each record is decoded. Layout errors between records are not reported on this path
 * (machine-written logs); syntax errors inside records are.
 */
export function lintCloudTrailBytes(bytes: Uint8Array, options: LintOptions = {}, kindSource: KindSource = 'explicit'): BytesLintResult {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const findings: Finding[] = [];
  const positions = new Map<number, Position>();
  const syntaxErrors: JsonSyntaxError[] = [];
  const comments: { offset: number; length: number }[] = [];
  const run: CloudTrailRun = { text: '', scanner: new CloudTrailScanner(''), window: options.cloudtrailWindow };
  const context = (rule: Rule, json: JsonDocument): RuleContext => ({
    text: '',
    kind: 'cloudtrail',
    kindSource,
    json,
    policy: NO_POLICY,
    get iam(): never {
      throw new Error('the IAM catalogue is not available on the CloudTrail byte path');
    },
    settings,
    cloudtrailWindow: options.cloudtrailWindow,
    report(r: Report) {
      findings.push(toFinding(rule, r, settings.rules[rule.name]));
    },
  });
  const active: ActiveVisitor[] = [];
  let syntaxRule: Rule | undefined;
  for (const rule of options.rules ?? RULES) {
    if (!rule.kinds.includes('cloudtrail') || settings.rules[rule.name] === 'off') continue;
    if (rule === jsonSyntax) syntaxRule = rule;
    if (!isCloudTrailRule(rule)) continue;
    try {
      active.push({ rule, visitor: rule.start(context(rule, { text: '', root: undefined, errors: [], comments: [] }), run) });
    } catch (error) {
      reportRuleError(rule, error, options, settings, findings);
    }
  }

  const cursor = new Cursor(bytes);
  const splitter = new RecordSplitter();
  let index = 0;
  function* views(): Generator<RecordView> {
    for (const { bytes: recBytes, offset } of splitter.push(bytes)) {
      cursor.advanceTo(offset);
      const text = decoder.decode(recBytes);
      const base = cursor.utf16;
      const line = cursor.line;
      const column = cursor.utf16 - cursor.lineStart;
      let lines: LineIndex | undefined;
      const note = (absolute: number, local: number) => {
        if (positions.has(absolute)) return;
        const p = (lines ??= new LineIndex(text)).position(local);
        positions.set(absolute, { line: line + p.line, character: p.line === 0 ? column + p.character : p.character });
      };
      const scanned = parseRecordText(text, index++, 0);
      for (const e of scanned.syntaxErrors ?? []) {
        note(e.offset + base, e.offset);
        note(e.offset + e.length + base, e.offset + e.length);
        syntaxErrors.push({ ...e, offset: e.offset + base });
      }
      for (const c of scanned.comments ?? []) {
        note(c.offset + base, c.offset);
        note(c.offset + c.length + base, c.offset + c.length);
        comments.push({ offset: c.offset + base, length: c.length });
      }
      yield new RecordView(text, scanned, { base, note });
    }
  }
  runCloudTrailViews(views(), active, options.cloudtrailWindow, (rule, error) => reportRuleError(rule, error, options, settings, findings));
  cursor.advanceTo(bytes.length);
  if (splitter.unfinished) {
    positions.set(cursor.utf16, { line: cursor.line, character: cursor.utf16 - cursor.lineStart });
    syntaxErrors.push({ message: 'Closing brace "}" expected (the file ends inside a record)', offset: cursor.utf16, length: 0, code: ParseErrorCode.CloseBraceExpected });
  }
  if (syntaxRule) {
    const shallow: JsonDocument = { text: '', root: { type: 'object', offset: 0, length: cursor.utf16 } as Node, errors: syntaxErrors, comments };
    try {
      syntaxRule.check(context(syntaxRule, shallow));
    } catch (error) {
      reportRuleError(syntaxRule, error, options, settings, findings);
    }
  }
  return { findings: sortFindings(findings, cursor.utf16), position: (o) => positions.get(o) ?? { line: 0, character: 0 } };
}

/**
 * `lintCloudTrailBytes` when the name, the configuration or the first KB say the bytes are
 * CloudTrail (with the document-kind finding `lint()` would add); undefined otherwise,
 * so the caller lints the decoded text instead.
 */
export function lintBytesIfCloudTrail(bytes: Uint8Array, options: LintOptions = {}): BytesLintResult | undefined {
  const head = decoder.decode(bytes.subarray(0, 4096));
  const resolved = resolveKindWithoutTree({ explicit: options.kind, configKind: options.configKind, fileName: options.fileName, text: head });
  if (resolved?.kind !== 'cloudtrail') return undefined;
  const r = lintCloudTrailBytes(bytes, options, resolved.source);
  return { findings: withKindFinding(r.findings, resolved, options).findings, position: r.position };
}
