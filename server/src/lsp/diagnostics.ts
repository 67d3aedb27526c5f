import { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentKind, Finding } from '../engine';
import { Analyzer } from './analyzer';
import { BIG_TEXT, LintCancelled, OffsetPositions } from './linter';
import { Logger } from './logger';
import { Debouncer } from './debounce';
import { Positions, toDiagnostic } from './convert';

/** Typing pauses shorter than this do not trigger a lint. */
export const DEBOUNCE_MS = debounceFromEnv(150);
/** Big logs wait longer: each run costs more, and the user is rarely typing in them. */
export const DEBOUNCE_BIG_MS = debounceFromEnv(800);

export function toDiagnostics(findings: readonly Finding[], doc: Positions, uri: string): Diagnostic[] {
  return findings.map((f) => toDiagnostic(f, doc, uri));
}

/** Positions the worker computed, falling back to the document for any other offset. */
export function precomputed(map: OffsetPositions, fallback: Positions): Positions {
  return { positionAt: (o) => map[o] ?? fallback.positionAt(o) };
}

/**
 * Diagnostics of open documents: debounced per document, one run at a time per
 * document (a change during a run asks for one more), results for a version that is no
 * longer current dropped. Big documents are linted off the main thread (Linter).
 */
export class DiagnosticsScheduler {
  private readonly timers = new Debouncer();
  /** Version being analysed, per document. */
  private readonly running = new Map<string, number>();
  private readonly again = new Set<string>();
  /** Kind of each open document at its last lint, for code actions. */
  readonly kinds = new Map<string, DocumentKind>();
  /**
   * Findings from a second input (check-activity), valid for one document version only:
   * their offsets belong to that text, so the next edit drops them until the user re-runs.
   */
  private readonly extras = new Map<string, { version: number; findings: Finding[] }>();

  /** Adds findings computed elsewhere for this exact version and republishes. */
  setExtraFindings(doc: TextDocument, findings: Finding[]): void {
    this.extras.set(doc.uri, { version: doc.version, findings });
    this.schedule(doc, 0);
  }

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyzer: Analyzer,
    private readonly log: Logger,
  ) {}

  schedule(doc: TextDocument, delay?: number): void {
    const uri = doc.uri;
    // Analysis of an older version is useless now: stop it rather than let the next wait for it.
    const running = this.running.get(uri);
    if (running !== undefined && running !== doc.version) this.analyzer.cancel(uri);
    const wait = delay ?? (doc.getText().length >= BIG_TEXT ? DEBOUNCE_BIG_MS : DEBOUNCE_MS);
    this.timers.schedule(uri, doc.version, wait, () => void this.run(uri));
  }

  /** Re-lint every open document (settings or configuration changed). */
  revalidateAll(): void {
    for (const d of this.documents.all()) this.schedule(d, 0);
  }

  closed(uri: string): void {
    if (this.running.has(uri)) this.analyzer.cancel(uri);
    this.extras.delete(uri);
    this.timers.cancel(uri);
    this.kinds.delete(uri);
  }

  private async run(uri: string): Promise<void> {
    if (this.running.has(uri)) {
      this.again.add(uri);
      return;
    }
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    this.running.set(uri, version);
    const started = Date.now();
    try {
      const outcome = await this.analyzer.analyze(uri, doc.getText(), { cancelKey: uri });
      const current = this.documents.get(uri);
      if (!current || current.version !== version) {
        this.log.debug(`dropped stale diagnostics for ${uri} (version ${version})`);
        return;
      }
      if (outcome?.kind) this.kinds.set(uri, outcome.kind);
      else this.kinds.delete(uri);
      const positions = outcome?.positions ? precomputed(outcome.positions, current) : current;
      const extra = this.extras.get(uri);
      if (extra && extra.version !== version) this.extras.delete(uri);
      const extraFindings = extra && extra.version === version ? extra.findings : [];
      await this.connection.sendDiagnostics({ uri, version, diagnostics: [...(outcome ? toDiagnostics(outcome.findings, positions, uri) : []), ...toDiagnostics(extraFindings, current, uri)] });
      this.log.debug(`${uri} v${version}: ${outcome?.findings.length ?? 0} findings in ${Date.now() - started} ms`);
    } catch (e) {
      if (e instanceof LintCancelled) this.log.debug(`cancelled the analysis of ${uri} v${version}: the document changed`);
      else this.log.error(`diagnostics for ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    } finally {
      this.running.delete(uri);
      if (this.again.delete(uri)) {
        const d = this.documents.get(uri);
        if (d) this.schedule(d, 0);
      }
    }
  }
}

/** `CONNECT_GUARD_DEBOUNCE_MS` lets benchmarks measure latency without the typing pause (both pauses, so a log's window is its analysis alone). */
function debounceFromEnv(dflt: number): number {
  const v = Number(process.env.CONNECT_GUARD_DEBOUNCE_MS);
  return Number.isFinite(v) && v >= 0 ? v : dflt;
}
