import * as path from 'path';
import { fileURLToPath } from 'url';
import { DEFAULT_SETTINGS, DocumentKind, Finding, mergeSettings } from '../engine';
import { ConfigResolver, ConfigError, LoadedConfig, parseConfig } from '../node/configLoader';
import { Linter, OffsetPositions, PlainLintOptions } from './linter';
import { Logger } from './logger';
import { EditorSettings, SettingsProvider, engineSettingsFor } from './settings';
import { gate } from './documentGate';

/** What to show for one document: findings (engine findings, or the server's own notes), or nothing. */
export interface Outcome {
  findings: Finding[];
  kind?: DocumentKind;
  /** Positions computed by the lint worker for big texts. */
  positions?: OffsetPositions;
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The workspace folders, as file-system paths (for relative globs). */
export class Folders {
  private paths: string[] = [];
  set(uris: string[]): void {
    this.paths = uris.map(uriToPath).filter((p): p is string => !!p);
  }
  add(uri: string): void {
    const p = uriToPath(uri);
    if (p && !this.paths.includes(p)) this.paths.push(p);
  }
  remove(uri: string): void {
    const p = uriToPath(uri);
    this.paths = this.paths.filter((x) => x !== p);
  }
  all(): readonly string[] {
    return this.paths;
  }
  /** The innermost folder containing the file. */
  of(file: string): string | undefined {
    let best: string | undefined;
    for (const f of this.paths) if ((file === f || file.startsWith(f + path.sep)) && (!best || f.length > best.length)) best = f;
    return best;
  }
}

export interface AnalyzeOptions {
  /** The resource's settings when the caller has them already. */
  settings?: EditorSettings;
  /** The file's real length when `text` is only its head (a file over the size limit read by the workspace scan): it is then reported, never linted. */
  size?: number;
  /** Lets `cancel(key)` stop this analysis (open documents: their uri). */
  cancelKey?: string;
}

/**
 * Decides and lints one document's text: settings for its resource, `.connectguard.json`
 * found upward (cached until a config file changes), the gate, the size limit, then the
 * engine. Shared by open documents and the workspace scan.
 */
export class Analyzer {
  private readonly configs = new ConfigResolver();
  /** Config problems already logged (each once until a config file changes). */
  private readonly warned = new Set<string>();
  constructor(private readonly settings: SettingsProvider, private readonly linter: Linter, readonly folders: Folders, private readonly log: Logger) {}

  settingsFor(uri: string): Promise<EditorSettings> {
    return this.settings.get(uri);
  }

  /** Forget loaded config files (a `.connectguard.json` was created, changed or deleted). */
  configsChanged(): void {
    this.configs.clear();
    this.warned.clear();
  }

  configFor(file: string): LoadedConfig | undefined {
    try {
      return this.configs.forFile(file);
    } catch (e) {
      const msg = e instanceof ConfigError ? `${e.message}: configuration ignored until fixed` : `loading configuration for ${file}: ${String(e)}`;
      if (!this.warned.has(msg)) {
        this.warned.add(msg);
        this.log.warn(msg);
      }
      return undefined;
    }
  }

  async analyze(uri: string, text: string, opts: AnalyzeOptions = {}): Promise<Outcome | undefined> {
    const settings = opts.settings ?? (await this.settings.get(uri));
    const size = opts.size ?? text.length;
    const d = this.decide(uri, text, settings);
    if (!d.options) return d.configFile ? { findings: configFileFindings(text, d.configFile) } : undefined;
    const limit = settings.maxFileSizeMB * 1024 * 1024;
    if (size > limit) {
      return {
        findings: [{
          rule: 'file-too-large',
          severity: 'info',
          message: `Not analysed: ${(size / 1048576).toFixed(1)} MB is over connectGuard.maxFileSizeMB (${settings.maxFileSizeMB} MB). Raise the setting, or run \`connect-guard lint\` on it.`,
          offset: 0,
          length: 0,
        }],
      };
    }
    const result = await this.linter.run(text, d.options, opts.cancelKey);
    return { findings: result.findings, kind: result.kind, positions: result.positions };
  }

  /** Stops the analysis started with this cancel key (its document changed; the result would be stale). It then rejects with LintCancelled. */
  cancel(key: string): void {
    this.linter.cancel(key);
  }

  /** Lint options for a document that passes the gate (fix-all uses them); undefined when it does not. */
  async lintOptions(uri: string, text: string): Promise<PlainLintOptions | undefined> {
    return this.decide(uri, text, await this.settings.get(uri)).options;
  }

  private decide(uri: string, text: string, settings: EditorSettings): { options?: PlainLintOptions; configFile?: string } {
    const file = uriToPath(uri);
    const config = file ? this.configFor(file) : undefined;
    const g = gate(file, text, settings, config, file ? this.folders.of(file) : undefined);
    if (!g.lint) return g.config ? { configFile: file } : {};
    const engineSettings = engineSettingsFor(mergeSettings(DEFAULT_SETTINGS, config?.config), settings);
    return { options: { configKind: g.configKind, fileName: file ?? uri, settings: engineSettings, maxFindings: settings.maxFindingsPerFile } };
  }
}

/**
 * The config file's own problems. Its schema (contributed through jsonValidation) shows
 * the details; this one finding says the consequence: the file is not applied.
 */
function configFileFindings(text: string, file: string): Finding[] {
  try {
    parseConfig(text, path.basename(file));
    return [];
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return [{ rule: 'config-file', severity: 'error', message: `${msg}. connect-guard ignores this file until it is fixed.`, offset: 0, length: Math.min(1, text.length) }];
  }
}
