import { ParseErrorCode } from 'jsonc-parser';
import { getNodeValue } from 'jsonc-parser';
import { parseJson, JsonSyntaxError } from '../json';

/** One record found in a CloudTrail text: its span and its parsed value. */
export interface ScannedRecord {
  /** 0-based position among the records of the text. */
  index: number;
  start: number;
  end: number;
  /** The parsed record (any JSON value; a record that is not an object is a finding). */
  value: unknown;
  /** Set when the record is not valid JSON: the tolerant parse's errors (absolute offsets). */
  syntaxErrors?: JsonSyntaxError[];
  /** Comments found by the tolerant parse (absolute offsets). */
  comments?: { offset: number; length: number }[];
}

/** How the records are laid out in the text. */
export type LogShape = 'records' | 'array' | 'single' | 'lines' | 'empty';

/** A problem with the layout around the records (not inside one). */
export interface ShapeProblem {
  message: string;
  offset: number;
  length: number;
}

const Q = 34; // "
const BS = 92; // backslash
const LBRACE = 123;
const RBRACE = 125;
const LBRACK = 91;
const RBRACK = 93;
const COMMA = 44;
const COLON = 58;
const NL = 10;
const SLASH = 47;
const STAR = 42;

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
}

/**
 * Finds record spans without building a syntax tree: a character-level state machine
 * that tracks strings, escapes and depth, then `JSON.parse` on each record's slice
 * (native speed). Strings jump with `indexOf`, so the loop touches mostly punctuation.
 *
 * Layouts: `{"Records": [...]}`, a top-level array of records, a single record, and
 * JSON Lines (one record or one `{"Records"}` object per line). When the first line holds
 * a complete value, every value is bounded by its line, so a broken line never swallows
 * the next ones; in pretty-printed text a string still ends at a line break (JSON forbids
 * raw line breaks in strings), which resynchronises after an unterminated string.
 * Every loop advances at least one character: no input hangs it.
 */
export class CloudTrailScanner {
  readonly syntaxErrors: JsonSyntaxError[] = [];
  /** Comments inside malformed records (JSON has none; reported by json-syntax). */
  readonly comments: { offset: number; length: number }[] = [];
  readonly shapeProblems: ShapeProblem[] = [];
  shape: LogShape = 'empty';
  private index = 0;
  private nextNl = -1;
  /** Where the search for `nextNl` started: the cache holds only for strings opening after it. */
  private nlFrom = -1;
  private topValues = 0;
  private sawWrapper = false;

  constructor(readonly text: string) {}

  *records(): Generator<ScannedRecord> {
    const text = this.text;
    const n = text.length;
    const firstStart = this.skipWs(0, n);
    if (firstStart >= n) return;
    const firstNl = text.indexOf('\n', firstStart);
    const firstLineEnd = firstNl < 0 ? n : firstNl;
    const lineMode = this.completeOnOneLine(firstStart, firstLineEnd);
    if (lineMode) {
      let lineStart = 0;
      while (lineStart < n) {
        let nl = text.indexOf('\n', lineStart);
        if (nl < 0) nl = n;
        const s = this.skipWs(lineStart, nl);
        if (s < nl) yield* this.topLevel(s, nl);
        lineStart = nl + 1;
      }
    } else {
      let i = firstStart;
      while (i < n) {
        const s = this.skipWs(i, n);
        if (s >= n) break;
        const end = yield* this.topLevelEnd(s, n);
        i = Math.max(end, s + 1);
      }
    }
    if (this.topValues > 1 && !this.sawWrapper) this.shape = 'lines';
  }

  private completeOnOneLine(s: number, lineEnd: number): boolean {
    const c = this.text.charCodeAt(s);
    if (c !== LBRACE && c !== LBRACK) return false;
    let e = lineEnd;
    while (e > s && isWs(this.text.charCodeAt(e - 1))) e--;
    const last = this.text.charCodeAt(e - 1);
    return e - s > 1 && (last === RBRACE || last === RBRACK);
  }

  private *topLevel(s: number, limit: number): Generator<ScannedRecord> {
    let i = s;
    while (i < limit) {
      const st = this.skipWs(i, limit);
      if (st >= limit) break;
      const end = yield* this.topLevelEnd(st, limit);
      i = Math.max(end, st + 1);
    }
  }

  /** Handles one top-level value starting at `s`; returns where it ends. */
  private *topLevelEnd(s: number, limit: number): Generator<ScannedRecord, number> {
    const text = this.text;
    const c = text.charCodeAt(s);
    this.topValues++;
    if (c === LBRACK) {
      if (this.topValues === 1) this.shape = 'array';
      return yield* this.elements(s, limit);
    }
    if (c === LBRACE) {
      // Look for "Records" among the members; the object is a record otherwise.
      let i = this.skipWs(s + 1, limit);
      let recordsSeen = false;
      let closed = false;
      while (i < limit) {
        const k = text.charCodeAt(i);
        if (k === RBRACE) {
          i++;
          closed = true;
          break;
        }
        if (k === COMMA) {
          i = this.skipWs(i + 1, limit);
          continue;
        }
        if (k !== Q && recordsSeen) {
          this.syntaxErrors.push({ message: 'Property name expected', offset: i, length: 1, code: ParseErrorCode.PropertyNameExpected });
          i = this.skipWs(this.skipValue(i, limit), limit);
          continue;
        }
        if (k !== Q) {
          // Not a well-formed member list: treat the whole value as one (malformed) record.
          const end = this.skipValue(s, limit);
          yield this.record(s, end);
          return end;
        }
        const keyEnd = this.skipString(i, limit);
        let j = this.skipWs(keyEnd, limit);
        if (text.charCodeAt(j) !== COLON && recordsSeen) {
          this.syntaxErrors.push({ message: 'Colon expected', offset: j, length: 1, code: ParseErrorCode.ColonExpected });
          i = this.skipWs(j, limit);
          continue;
        }
        if (text.charCodeAt(j) !== COLON) {
          const end = this.skipValue(s, limit);
          yield this.record(s, end);
          return end;
        }
        j = this.skipWs(j + 1, limit);
        if (keyEnd - i === 9 && text.startsWith('"Records"', i)) {
          recordsSeen = true;
          this.sawWrapper = true;
          if (this.topValues === 1) this.shape = 'records';
          if (text.charCodeAt(j) === LBRACK) i = yield* this.elements(j, limit);
          else {
            const vEnd = j < limit ? this.skipValue(j, limit) : j;
            this.shapeProblems.push({ message: '"Records" must be an array of event records.', offset: j, length: Math.max(vEnd - j, 0) });
            i = vEnd;
          }
        } else {
          i = j < limit ? this.skipValue(j, limit) : j;
        }
        i = this.skipWs(i, limit);
      }
      if (!recordsSeen) {
        if (this.topValues === 1) this.shape = 'single';
        const end = this.skipValue(s, limit);
        yield this.record(s, end);
        return end;
      }
      if (!closed) this.syntaxErrors.push({ message: 'Closing brace "}" expected', offset: limit, length: 0, code: ParseErrorCode.CloseBraceExpected });
      return i;
    }
    // A primitive or garbage at top level.
    const end = this.skipValue(s, limit);
    if (this.topValues === 1 && this.index === 0) this.shape = 'single';
    yield this.record(s, end);
    return end;
  }

  /** Yields the elements of the array opening at `s`; returns the end of the array. */
  private *elements(s: number, limit: number): Generator<ScannedRecord, number> {
    const text = this.text;
    let i = this.skipWs(s + 1, limit);
    let afterComma = -1;
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (c === RBRACK) {
        if (afterComma >= 0) this.syntaxErrors.push({ message: 'Value expected', offset: i, length: 1, code: ParseErrorCode.ValueExpected });
        return i + 1;
      }
      if (c === COMMA) {
        this.syntaxErrors.push({ message: 'Value expected', offset: i, length: 1, code: ParseErrorCode.ValueExpected });
        i = this.skipWs(i + 1, limit);
        continue;
      }
      if (c === RBRACE) {
        this.syntaxErrors.push({ message: 'Closing bracket "]" expected', offset: i, length: 1, code: ParseErrorCode.CloseBracketExpected });
        return i;
      }
      const end = this.skipValue(i, limit);
      yield this.record(i, end);
      i = this.skipWs(end, limit);
      afterComma = -1;
      if (i >= limit) break;
      const d = text.charCodeAt(i);
      if (d === COMMA) {
        afterComma = i;
        i = this.skipWs(i + 1, limit);
      } else if (d !== RBRACK) {
        this.syntaxErrors.push({ message: 'Comma expected', offset: i, length: 1, code: ParseErrorCode.CommaExpected });
      }
    }
    this.syntaxErrors.push({ message: 'Closing bracket "]" expected', offset: limit, length: 0, code: ParseErrorCode.CloseBracketExpected });
    return limit;
  }

  private record(start: number, end: number): ScannedRecord {
    const rec = parseRecordText(this.text.slice(start, end), this.index++, start);
    if (rec.syntaxErrors) this.syntaxErrors.push(...rec.syntaxErrors);
    if (rec.comments) this.comments.push(...rec.comments);
    return rec;
  }

  /** Skips whitespace and comments between records (comments are recorded: JSON has none). */
  private skipWs(i: number, limit: number): number {
    const text = this.text;
    for (;;) {
      while (i < limit && isWs(text.charCodeAt(i))) i++;
      if (i + 1 >= limit || text.charCodeAt(i) !== SLASH) return i;
      const next = text.charCodeAt(i + 1);
      let end: number;
      if (next === SLASH) {
        end = text.indexOf('\n', i);
        if (end < 0 || end > limit) end = limit;
      } else if (next === STAR) {
        end = text.indexOf('*/', i + 2);
        end = end < 0 || end + 2 > limit ? limit : end + 2;
      } else return i;
      this.comments.push({ offset: i, length: end - i });
      i = end;
    }
  }

  /** End (exclusive) of the string opening at `i`; an unterminated string ends at the line break. */
  private skipString(i: number, limit: number): number {
    const text = this.text;
    let from = i + 1;
    // A value re-scanned from its start (a malformed top-level object) comes back to strings
    // before the cached line break: a stale one let an unterminated string run past it.
    if (this.nextNl < from || from < this.nlFrom) {
      this.nlFrom = from;
      this.nextNl = text.indexOf('\n', from);
      if (this.nextNl < 0) this.nextNl = text.length;
    }
    for (;;) {
      const q = text.indexOf('"', from);
      const stop = Math.min(limit, this.nextNl);
      if (q < 0 || q >= stop) return stop;
      let b = q - 1;
      while (text.charCodeAt(b) === BS) b--;
      if ((q - 1 - b) % 2 === 0) return q + 1;
      from = q + 1;
    }
  }

  /** End (exclusive) of the value starting at `i`, by depth; brackets are not matched by type. */
  private skipValue(i: number, limit: number): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (c === Q) return this.skipString(i, limit);
    if (c !== LBRACE && c !== LBRACK) {
      let k = i + 1;
      while (k < limit) {
        const d = text.charCodeAt(k);
        if (d === COMMA || d === RBRACE || d === RBRACK || d === NL || isWs(d)) break;
        k++;
      }
      return k;
    }
    let depth = 0;
    let k = i;
    while (k < limit) {
      const d = text.charCodeAt(k);
      if (d === Q) {
        k = this.skipString(k, limit);
        continue;
      }
      if (d === LBRACE || d === LBRACK) depth++;
      else if (d === RBRACE || d === RBRACK) {
        depth--;
        if (depth === 0) return k + 1;
      }
      k++;
    }
    return limit;
  }
}

/**
 * Parses one record's text natively; when it is not valid JSON, parses it tolerantly for
 * its errors (offsets shifted by `start`) and a best-effort value.
 */
export function parseRecordText(slice: string, index: number, start: number): ScannedRecord {
  const end = start + slice.length;
  try {
    return { index, start, end, value: JSON.parse(slice) };
  } catch {
    const doc = parseJson(slice);
    const syntaxErrors = doc.errors.map((e) => ({ ...e, offset: e.offset + start }));
    if (!syntaxErrors.length && !doc.comments.length) syntaxErrors.push({ message: 'Invalid JSON', offset: start, length: end - start, code: ParseErrorCode.InvalidSymbol });
    const comments = doc.comments.map((c) => ({ offset: c.offset + start, length: c.length }));
    return { index, start, end, value: doc.root ? getNodeValue(doc.root) : undefined, syntaxErrors, comments };
  }
}

/** Every record of a CloudTrail text, in order: `{start, end, value}` (see `CloudTrailScanner`). */
export function* scanRecords(text: string): Generator<ScannedRecord> {
  yield* new CloudTrailScanner(text).records();
}
