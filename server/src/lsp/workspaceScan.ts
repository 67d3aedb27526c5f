import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CancellationToken, Connection, TextDocuments, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../engine';
import { Analyzer, uriToPath } from './analyzer';
import { directoryExcluded, relativePath, selectedByGlobs } from './documentGate';
import { precomputed, toDiagnostics } from './diagnostics';
import { Positions } from './convert';
import { Logger } from './logger';
import { EditorSettings } from './settings';
import { ScanWorkspaceResult } from './protocol';
import { CONTENT_SCAN_LIMIT } from './contentShape';

/** Directories never worth walking, whatever the globs say. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

const yieldToEvents = () => new Promise<void>((r) => setImmediate(r));

/**
 * Lints every matching file of the workspace folders that is not open, so the Problems
 * panel and the findings tree cover the whole workspace. Files are read, linted and
 * published one at a time and their text dropped: only the set of published files is
 * kept. A newer scan supersedes a running one; file events re-lint single files.
 */
export class WorkspaceScanner {
  private generation = 0;
  /** File path -> the URI its diagnostics were published under. */
  private readonly published = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyzer: Analyzer,
    private readonly log: Logger,
    private readonly progressSupported: () => boolean,
  ) {}

  /** `startup`: the automatic scan after initialisation, skipped where connectGuard.scan.onStartup is off. */
  async scan(token?: CancellationToken, startup = false): Promise<ScanWorkspaceResult> {
    const gen = ++this.generation;
    const progress: WorkDoneProgressServerReporter | undefined = this.progressSupported() ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('connect-guard: scanning workspace', 0, 'listing files', true);
    const result: ScanWorkspaceResult = { files: 0, findings: 0, skipped: 0 };
    try {
      const targets: { file: string; settings: EditorSettings }[] = [];
      for (const folder of this.analyzer.folders.all()) {
        const settings = await this.analyzer.settingsFor(pathToFileURL(folder).href);
        if (!settings.enable || (startup && !settings.scan.onStartup)) continue;
        await this.walk(folder, folder, settings, targets, gen);
      }
      const seen = new Set<string>();
      let complete = true;
      for (let i = 0; i < targets.length; i++) {
        if (gen !== this.generation || token?.isCancellationRequested || progress?.token.isCancellationRequested) {
          complete = false;
          break;
        }
        const { file, settings } = targets[i];
        seen.add(file);
        progress?.report(Math.round((i / targets.length) * 100), path.basename(file));
        if (this.isOpen(file)) {
          result.skipped++;
          continue;
        }
        result.findings += await this.scanFile(file, settings);
        result.files++;
        await yieldToEvents();
      }
      // Only a scan that saw every file knows which published files are gone.
      if (complete) for (const file of [...this.published.keys()]) if (!seen.has(file) && !this.isOpen(file)) this.forget(file);
    } finally {
      progress?.done();
    }
    this.log.info(`workspace scan: ${result.files} files, ${result.findings} findings (${result.skipped} open files left to the editor)`);
    return result;
  }

  /** Lints one file from disk and publishes; returns the number of findings. */
  async scanFile(file: string, given?: EditorSettings): Promise<number> {
    const uri = this.published.get(file) ?? pathToFileURL(file).href;
    try {
      const settings = given ?? (await this.analyzer.settingsFor(uri));
      const folder = this.analyzer.folders.of(file);
      if (!selectedByGlobs(relativePath(file, folder), settings)) {
        this.forget(file);
        return 0;
      }
      const stat = await fs.promises.stat(file);
      const tooLarge = stat.size > settings.maxFileSizeMB * 1024 * 1024;
      const text = tooLarge ? await readHead(file) : await fs.promises.readFile(file, 'utf8');
      const outcome = await this.analyzer.analyze(uri, text, { settings, size: tooLarge ? stat.size : undefined });
      if (this.isOpen(file)) return 0;
      if (!outcome || outcome.findings.length === 0) {
        this.forget(file);
        return 0;
      }
      const lines = outcome.positions ? undefined : new LineIndex(text);
      const positions: Positions = outcome.positions ? precomputed(outcome.positions, { positionAt: () => ({ line: 0, character: 0 }) }) : { positionAt: (o) => lines!.position(o) };
      await this.connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(outcome.findings, positions, uri) });
      this.published.set(file, uri);
      return outcome.findings.length;
    } catch (e) {
      this.log.warn(`scan ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      this.forget(file);
      return 0;
    }
  }

  /** The file is gone or no longer ours: clear what was published for it. */
  forget(file: string): void {
    const uri = this.published.get(file);
    if (!uri) return;
    this.published.delete(file);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** An open document now owns the file's diagnostics (it may use another URI spelling). */
  opened(uri: string): void {
    const file = uriToPath(uri);
    if (!file) return;
    const prior = this.published.get(file);
    this.published.delete(file);
    if (prior && prior !== uri) void this.connection.sendDiagnostics({ uri: prior, diagnostics: [] });
  }

  private isOpen(file: string): boolean {
    return this.documents.all().some((d) => uriToPath(d.uri) === file);
  }

  private async walk(dir: string, folder: string, settings: EditorSettings, out: { file: string; settings: EditorSettings }[], gen: number): Promise<void> {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (e) {
      this.log.warn(`scan: cannot read ${dir} (${(e as NodeJS.ErrnoException).code})`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (gen !== this.generation) return;
      const p = path.join(dir, e.name);
      // Symbolic links are not followed: no loops, and no files outside the workspace.
      if (e.isDirectory()) {
        if (SKIP_DIRS.has(e.name)) continue;
        if (directoryExcluded(relativePath(p, folder), settings)) continue;
        await this.walk(p, folder, settings, out, gen);
      } else if (e.isFile() && selectedByGlobs(relativePath(p, folder), settings)) {
        out.push({ file: p, settings });
      }
    }
  }
}

/** The start of a file too large to analyse: enough for the gate to tell whether it is ours. */
async function readHead(file: string): Promise<string> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(CONTENT_SCAN_LIMIT);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}
