import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { parse, ParseError, printParseErrorCode } from 'jsonc-parser';
import { ConfigFile, DocumentKind, isDocumentKind, hasRule, RuleSetting } from '../engine';

export const CONFIG_FILE_NAME = '.connectguard.json';
const SETTINGS: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];

export class ConfigError extends Error {}

export interface LoadedConfig {
  /** Absolute path of the config file. */
  file: string;
  dir: string;
  config: ConfigFile;
  /** Kind globs compiled against paths relative to `dir`. */
  kindMatchers: { match: (rel: string) => boolean; kind: DocumentKind }[];
  ignoreMatchers: ((rel: string) => boolean)[];
}

/** Parses and validates a config file's text; throws ConfigError with a precise message. */
export function parseConfig(text: string, file: string): ConfigFile {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true });
  if (errors.length) throw new ConfigError(`${file}: not valid JSON (${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset})`);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`${file}: must be a JSON object`);
  const c = value as Record<string, unknown>;
  const known = ['$schema', 'rules', 'kinds', 'ignore', 'cloudtrail', 'trustPolicyQuota'];
  for (const k of Object.keys(c)) if (!known.includes(k)) throw new ConfigError(`${file}: unknown setting "${k}" (known: ${known.slice(1).join(', ')})`);
  if (c.rules !== undefined) {
    if (typeof c.rules !== 'object' || c.rules === null || Array.isArray(c.rules)) throw new ConfigError(`${file}: "rules" must map rule names to a severity or "off"`);
    for (const [name, v] of Object.entries(c.rules)) {
      if (!hasRule(name)) throw new ConfigError(`${file}: unknown rule "${name}" in "rules" (see \`connect-guard rules\`)`);
      if (typeof v !== 'string' || !SETTINGS.includes(v)) throw new ConfigError(`${file}: rule "${name}" must be one of ${SETTINGS.join(', ')}`);
    }
  }
  if (c.kinds !== undefined) {
    if (typeof c.kinds !== 'object' || c.kinds === null || Array.isArray(c.kinds)) throw new ConfigError(`${file}: "kinds" must map globs to a kind`);
    for (const [glob, k] of Object.entries(c.kinds)) if (typeof k !== 'string' || !isDocumentKind(k)) throw new ConfigError(`${file}: kind for "${glob}" must be identity, scp, endpoint, resource, trust or cloudtrail`);
  }
  if (c.ignore !== undefined && (!Array.isArray(c.ignore) || c.ignore.some((g) => typeof g !== 'string'))) throw new ConfigError(`${file}: "ignore" must be an array of globs`);
  if (c.cloudtrail !== undefined) {
    const ct = c.cloudtrail as Record<string, unknown>;
    if (typeof ct !== 'object' || ct === null || Array.isArray(ct)) throw new ConfigError(`${file}: "cloudtrail" must be an object`);
    for (const k of ['adminPrincipals', 'allowedCidrs', 'allowedVpcEndpoints']) {
      if (ct[k] !== undefined && (!Array.isArray(ct[k]) || (ct[k] as unknown[]).some((x) => typeof x !== 'string'))) throw new ConfigError(`${file}: "cloudtrail.${k}" must be an array of strings`);
    }
  }
  if (c.trustPolicyQuota !== undefined && (typeof c.trustPolicyQuota !== 'number' || c.trustPolicyQuota < 1)) throw new ConfigError(`${file}: "trustPolicyQuota" must be a positive number`);
  return c as ConfigFile;
}

export function compileConfig(file: string, config: ConfigFile): LoadedConfig {
  const dir = path.dirname(file);
  const opts = { dot: true };
  return {
    file,
    dir,
    config,
    kindMatchers: Object.entries(config.kinds ?? {}).map(([glob, kind]) => ({ match: picomatch(glob, opts), kind })),
    ignoreMatchers: (config.ignore ?? []).map((g) => picomatch(g, opts)),
  };
}

export function loadConfigFile(file: string): LoadedConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return compileConfig(path.resolve(file), parseConfig(text, file));
}

/** Finds `.connectguard.json` upward from a directory, cached per directory. */
export class ConfigResolver {
  private readonly cache = new Map<string, LoadedConfig | null>();
  constructor(private readonly stopAt?: string) {}

  forFile(file: string): LoadedConfig | undefined {
    return this.forDir(path.dirname(path.resolve(file))) ?? undefined;
  }

  private forDir(dir: string): LoadedConfig | null {
    const hit = this.cache.get(dir);
    if (hit !== undefined) return hit;
    let found: LoadedConfig | null = null;
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) found = loadConfigFile(candidate);
    else {
      const parent = path.dirname(dir);
      if (parent !== dir && dir !== this.stopAt) found = this.forDir(parent);
    }
    this.cache.set(dir, found);
    return found;
  }

  clear(): void {
    this.cache.clear();
  }
}

export function relativeTo(config: LoadedConfig, file: string): string {
  return path.relative(config.dir, path.resolve(file)).split(path.sep).join('/');
}

export function kindFromConfig(config: LoadedConfig | undefined, file: string): DocumentKind | undefined {
  if (!config) return undefined;
  const rel = relativeTo(config, file);
  for (const m of config.kindMatchers) if (m.match(rel)) return m.kind;
  return undefined;
}

export function isIgnored(config: LoadedConfig | undefined, file: string): boolean {
  if (!config) return false;
  const rel = relativeTo(config, file);
  return config.ignoreMatchers.some((m) => m(rel));
}

export type { RuleSetting };
