import * as assert from 'assert';
import type { Connection, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer, Outcome } from '../../server/src/lsp/analyzer';
import { DiagnosticsScheduler } from '../../server/src/lsp/diagnostics';
import { LintCancelled } from '../../server/src/lsp/linter';

/** An analyzer whose runs the test finishes by hand. */
class HeldAnalyzer {
  readonly runs: { text: string; finish(o: Outcome): void; fail(e: unknown): void }[] = [];
  readonly cancelled: string[] = [];
  analyze(_uri: string, text: string): Promise<Outcome> {
    return new Promise((finish, fail) => this.runs.push({ text, finish, fail }));
  }
  cancel(key: string): void {
    this.cancelled.push(key);
  }
}

const until = async (what: string, probe: () => boolean) => {
  for (let i = 0; i < 200 && !probe(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(probe(), `timed out waiting for ${what}`);
};

describe('lsp: diagnostics scheduler, stale analyses', () => {
  const uri = 'file:///logs/october.cloudtrail.json';
  let docs: Map<string, TextDocument>;
  let published: PublishDiagnosticsParams[];
  let errors: string[];
  let analyzer: HeldAnalyzer;
  let scheduler: DiagnosticsScheduler;
  beforeEach(() => {
    docs = new Map();
    published = [];
    errors = [];
    analyzer = new HeldAnalyzer();
    const connection = { sendDiagnostics: async (p: PublishDiagnosticsParams) => void published.push(p) } as unknown as Connection;
    const documents = { get: (u: string) => docs.get(u), all: () => [...docs.values()] } as unknown as TextDocuments<TextDocument>;
    scheduler = new DiagnosticsScheduler(connection, documents, analyzer as unknown as Analyzer, { debug() {}, info() {}, warn() {}, error: (m: string) => errors.push(m) });
  });

  it('a change while a version is analysed cancels that analysis; only the new version is published, and no error is logged', async () => {
    docs.set(uri, TextDocument.create(uri, 'json', 1, 'version one'));
    scheduler.schedule(docs.get(uri)!, 0);
    await until('the first analysis', () => analyzer.runs.length === 1);
    docs.set(uri, TextDocument.create(uri, 'json', 2, 'version two'));
    scheduler.schedule(docs.get(uri)!, 0);
    assert.deepStrictEqual(analyzer.cancelled, [uri]);
    analyzer.runs[0].fail(new LintCancelled());
    await until('the second analysis', () => analyzer.runs.length === 2);
    assert.strictEqual(analyzer.runs[1].text, 'version two');
    analyzer.runs[1].finish({ findings: [{ rule: 'r', severity: 'error', message: 'm', offset: 0, length: 7 }] });
    await until('a publication', () => published.length === 1);
    assert.deepStrictEqual(published.map((p) => [p.version, p.diagnostics.map((d) => d.range)]), [[2, [{ start: { line: 0, character: 0 }, end: { line: 0, character: 7 } }]]]);
    assert.deepStrictEqual(errors, []);
  });

  it('a request for the version being analysed does not cancel it; closing the document does', async () => {
    docs.set(uri, TextDocument.create(uri, 'json', 1, 'version one'));
    scheduler.schedule(docs.get(uri)!, 0);
    await until('the analysis', () => analyzer.runs.length === 1);
    scheduler.schedule(docs.get(uri)!, 0);
    assert.deepStrictEqual(analyzer.cancelled, []);
    scheduler.closed(uri);
    assert.deepStrictEqual(analyzer.cancelled, [uri]);
  });
});
