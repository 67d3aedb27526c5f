import { TimeWindow } from '../types';
import { CloudTrailScanner } from './scanner';
import { sensitiveApi, isConnectFamily } from './catalogue';
import { eventTimeMs, isObject, principalOf, str } from './model';

export interface Count {
  calls: number;
  /** Calls that returned an errorCode. */
  failed: number;
}

/**
 * Counts of sensitive Connect family calls across any number of texts, added one at a
 * time: memory grows with the number of distinct principals, APIs and days, never with
 * the number of records or files.
 */
export class ActivitySummary {
  files = 0;
  records = 0;
  outsideWindow = 0;
  connectCalls = 0;
  sensitive: Count = { calls: 0, failed: 0 };
  readonly byPrincipal = new Map<string, Count & { apis: Set<string> }>();
  readonly byApi = new Map<string, Count & { severity: string }>();
  readonly byDay = new Map<string, Count>();
  /** Records that were not valid JSON. */
  malformed = 0;

  constructor(readonly window?: TimeWindow) {}

  addText(text: string): void {
    this.files++;
    const scanner = new CloudTrailScanner(text);
    for (const rec of scanner.records()) this.addRecord(rec.value, !!rec.syntaxErrors);
  }

  /** One record of the current file (count files with `files++` when records come from elsewhere). */
  addRecord(record: unknown, malformed = false): void {
    this.records++;
    if (malformed) this.malformed++;
    if (!isObject(record)) return;
    const w = this.window;
    if (w && (w.since !== undefined || w.until !== undefined)) {
      const t = eventTimeMs(record);
      if (t !== undefined && ((w.since !== undefined && t < w.since) || (w.until !== undefined && t >= w.until))) {
        this.outsideWindow++;
        return;
      }
    }
    const source = str(record, 'eventSource');
    if (!isConnectFamily(source)) return;
    this.connectCalls++;
    const name = str(record, 'eventName');
    const api = sensitiveApi(source, name);
    if (!api) return;
    const failed = str(record, 'errorCode') ? 1 : 0;
    const key = `${source.replace('.amazonaws.com', '')}:${name}`;
    const principal = principalOf(record);
    const day = (str(record, 'eventTime') ?? '').slice(0, 10) || 'unknown';
    bump(this.sensitive, failed);
    let p = this.byPrincipal.get(principal);
    if (!p) this.byPrincipal.set(principal, (p = { calls: 0, failed: 0, apis: new Set() }));
    bump(p, failed);
    p.apis.add(key);
    let a = this.byApi.get(key);
    if (!a) this.byApi.set(key, (a = { calls: 0, failed: 0, severity: api.severity }));
    bump(a, failed);
    let d = this.byDay.get(day);
    if (!d) this.byDay.set(day, (d = { calls: 0, failed: 0 }));
    bump(d, failed);
  }

  toJSON() {
    const order = <T extends Count>(m: Map<string, T>) => [...m.entries()].sort((a, b) => b[1].calls - a[1].calls || (a[0] < b[0] ? -1 : 1));
    return {
      totals: { files: this.files, records: this.records, outsideWindow: this.outsideWindow, malformed: this.malformed, connectCalls: this.connectCalls, sensitiveCalls: this.sensitive.calls, failedSensitiveCalls: this.sensitive.failed },
      byPrincipal: order(this.byPrincipal).map(([key, v]) => ({ key, calls: v.calls, failed: v.failed, apis: [...v.apis].sort() })),
      byApi: order(this.byApi).map(([key, v]) => ({ key, calls: v.calls, failed: v.failed, severity: v.severity })),
      byDay: [...this.byDay.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([key, v]) => ({ key, calls: v.calls, failed: v.failed })),
    };
  }
}

function bump(c: Count, failed: number): void {
  c.calls++;
  c.failed += failed;
}
