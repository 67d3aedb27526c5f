import type { Connection } from 'vscode-languageserver/node';
import { DocumentKind, EngineSettings, RuleSetting, isDocumentKind } from '../engine';

/** `connectGuard.*` as the editor sends it (one resource's view). */
export interface EditorSettings {
  enable: boolean;
  rules: Record<string, RuleSetting>;
  /** Glob (relative to the workspace folder) -> kind. */
  kinds: Record<string, DocumentKind>;
  scan: { include: string[]; exclude: string[]; onStartup: boolean };
  cloudtrail: { adminPrincipals: string[]; allowedCidrs: string[]; allowedVpcEndpoints: string[] };
  maxFileSizeMB: number;
  /** Most findings a document shows; the rest are counted in one information finding. */
  maxFindingsPerFile: number;
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = {
  enable: true,
  rules: {},
  kinds: {},
  scan: {
    include: ['**/*.json', '**/*.jsonl'],
    exclude: ['**/node_modules/**', '**/.git/**', '**/out/**', '**/dist/**', '**/.vscode/**', '**/package.json', '**/package-lock.json', '**/tsconfig*.json', '**/jsconfig*.json'],
    onStartup: true,
  },
  cloudtrail: { adminPrincipals: [], allowedCidrs: [], allowedVpcEndpoints: [] },
  maxFileSizeMB: 32,
  maxFindingsPerFile: 1000,
};

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

function strings(v: unknown, dflt: string[]): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : dflt;
}

/** Validates what the client sent; anything malformed falls back to the default, never throws. */
export function normaliseSettings(raw: unknown): EditorSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
  const d = DEFAULT_EDITOR_SETTINGS;
  const rules: Record<string, RuleSetting> = {};
  if (r.rules && typeof r.rules === 'object') for (const [k, v] of Object.entries(r.rules)) if (typeof v === 'string' && SEVERITIES.has(v)) rules[k] = v as RuleSetting;
  const kinds: Record<string, DocumentKind> = {};
  if (r.kinds && typeof r.kinds === 'object') for (const [k, v] of Object.entries(r.kinds)) if (typeof v === 'string' && isDocumentKind(v)) kinds[k] = v;
  const scan = (r.scan && typeof r.scan === 'object' ? r.scan : {}) as Record<string, unknown>;
  const ct = (r.cloudtrail && typeof r.cloudtrail === 'object' ? r.cloudtrail : {}) as Record<string, unknown>;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : d.enable,
    rules,
    kinds,
    scan: { include: strings(scan.include, d.scan.include), exclude: strings(scan.exclude, d.scan.exclude), onStartup: typeof scan.onStartup === 'boolean' ? scan.onStartup : d.scan.onStartup },
    cloudtrail: { adminPrincipals: strings(ct.adminPrincipals, []), allowedCidrs: strings(ct.allowedCidrs, []), allowedVpcEndpoints: strings(ct.allowedVpcEndpoints, []) },
    maxFileSizeMB: typeof r.maxFileSizeMB === 'number' && r.maxFileSizeMB > 0 ? r.maxFileSizeMB : d.maxFileSizeMB,
    maxFindingsPerFile: Number.isInteger(r.maxFindingsPerFile) && r.maxFindingsPerFile >= 1 ? r.maxFindingsPerFile : d.maxFindingsPerFile,
  };
}

/**
 * Engine settings for one file: the config file's, then the editor's on top (a rule the
 * user turned off in the workspace stays off; non-empty CloudTrail lists replace).
 */
export function engineSettingsFor(fileSettings: EngineSettings, editor: EditorSettings): EngineSettings {
  const ct = editor.cloudtrail;
  return {
    ...fileSettings,
    rules: { ...fileSettings.rules, ...editor.rules },
    cloudtrail: {
      adminPrincipals: ct.adminPrincipals.length ? ct.adminPrincipals : fileSettings.cloudtrail.adminPrincipals,
      allowedCidrs: ct.allowedCidrs.length ? ct.allowedCidrs : fileSettings.cloudtrail.allowedCidrs,
      allowedVpcEndpoints: ct.allowedVpcEndpoints.length ? ct.allowedVpcEndpoints : fileSettings.cloudtrail.allowedVpcEndpoints,
    },
  };
}

/**
 * Reads `connectGuard` per resource through workspace/configuration. Results are kept
 * only until the next configuration change (a generation counter), so no value
 * outlives a change; clients without the capability get the defaults.
 */
export class SettingsProvider {
  private generation = 0;
  private readonly cache = new Map<string, Promise<EditorSettings>>();
  constructor(private readonly connection: Connection, private readonly supported: () => boolean) {}

  get(scopeUri: string | undefined): Promise<EditorSettings> {
    if (!this.supported()) return Promise.resolve(DEFAULT_EDITOR_SETTINGS);
    const key = scopeUri ?? '';
    let hit = this.cache.get(key);
    if (!hit) {
      const gen = this.generation;
      hit = this.connection.workspace
        .getConfiguration({ scopeUri, section: 'connectGuard' })
        .then(normaliseSettings, () => DEFAULT_EDITOR_SETTINGS);
      if (this.cache.size > 500) this.cache.clear();
      if (gen === this.generation) this.cache.set(key, hit);
    }
    return hit;
  }

  /** On workspace/didChangeConfiguration. */
  changed(): void {
    this.generation++;
    this.cache.clear();
  }
}
