import * as path from 'path';
import picomatch from 'picomatch';
import { DocumentKind, kindFromFileName } from '../engine';
import { LoadedConfig, kindFromConfig, isIgnored, CONFIG_FILE_NAME } from '../node/configLoader';
import { EditorSettings } from './settings';
import { contentShape } from './contentShape';

/** The decision for one document: lint it (with the kind configuration gives, if any), or leave it alone. */
export type Gate =
  | { lint: true; configKind?: DocumentKind }
  | { lint: false; reason: string; config?: boolean };

const matcherCache = new Map<string, (p: string) => boolean>();
function matcher(glob: string): (p: string) => boolean {
  let m = matcherCache.get(glob);
  if (!m) {
    m = picomatch(glob, { dot: true });
    if (matcherCache.size > 200) matcherCache.clear();
    matcherCache.set(glob, m);
  }
  return m;
}

/** Path relative to the folder, with forward slashes; the base name when outside every folder. */
export function relativePath(file: string, folder: string | undefined): string {
  if (!folder) return path.basename(file);
  const rel = path.relative(folder, file);
  return rel.startsWith('..') ? path.basename(file) : rel.split(path.sep).join('/');
}

/** Whether scan include/exclude globs select a file (used by the gate and the workspace scan). */
export function selectedByGlobs(rel: string, settings: EditorSettings): boolean {
  return settings.scan.include.some((g) => matcher(g)(rel)) && !settings.scan.exclude.some((g) => matcher(g)(rel));
}

/** Whether a whole directory (relative path) is excluded, e.g. by the node_modules glob, so it is not walked. */
export function directoryExcluded(relDir: string, settings: EditorSettings): boolean {
  const probe = `${relDir}/\u0001`;
  return settings.scan.exclude.some((g) => matcher(g)(probe));
}

export function kindFromSettings(rel: string, settings: EditorSettings): DocumentKind | undefined {
  for (const [glob, kind] of Object.entries(settings.kinds)) if (matcher(glob)(rel)) return kind;
  return undefined;
}

/**
 * Decides whether a JSON document is ours. In order: disabled; the config file itself;
 * outside include or inside exclude/ignore globs; a kind from `connectGuard.kinds`,
 * `.connectguard.json` or the file name (always linted, even when empty); otherwise only
 * when its content is shaped like a policy or CloudTrail (`contentShape`), so that
 * package.json, tsconfig.json and data files get no findings.
 */
export function gate(file: string | undefined, text: string, settings: EditorSettings, config: LoadedConfig | undefined, folder: string | undefined): Gate {
  if (!settings.enable) return { lint: false, reason: 'connectGuard.enable is false' };
  if (file) {
    if (path.basename(file) === CONFIG_FILE_NAME) return { lint: false, reason: 'configuration file', config: true };
    const rel = relativePath(file, folder);
    if (!selectedByGlobs(rel, settings)) return { lint: false, reason: 'outside connectGuard.scan.include or inside connectGuard.scan.exclude' };
    if (isIgnored(config, file)) return { lint: false, reason: `ignored by ${config!.file}` };
    const configKind = kindFromSettings(rel, settings) ?? kindFromConfig(config, file);
    if (configKind) return { lint: true, configKind };
    if (kindFromFileName(file)) return { lint: true };
  }
  return contentShape(text) === 'other' ? { lint: false, reason: 'not shaped like a policy or CloudTrail' } : { lint: true };
}
