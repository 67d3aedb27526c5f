import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';

/** Extensions a directory walk picks up. */
export const LINTABLE = /\.(json|jsonl|json\.gz)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist']);

export interface WalkProblem {
  path: string;
  message: string;
}

/**
 * Expands CLI arguments (files, directories, globs) to files, in a stable order.
 * Directories are walked for *.json, *.jsonl and *.json.gz; symlinked directories are
 * followed once (loops are detected by real path); unreadable entries are reported,
 * not fatal.
 */
export function expandInputs(inputs: string[], problems: WalkProblem[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    const key = path.resolve(f);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(f);
    }
  };
  for (const input of inputs) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(input);
    } catch {
      st = undefined;
    }
    if (st?.isFile()) add(input);
    else if (st?.isDirectory()) walk(input, add, problems, new Set());
    else if (/[*?[{]/.test(input)) {
      const base = globBase(input);
      const match = picomatch(input.replace(/\\/g, '/'), { dot: false });
      const before = out.length;
      walk(base, (f) => {
        if (match(f.replace(/\\/g, '/'))) add(f);
      }, problems, new Set(), true);
      if (out.length === before) problems.push({ path: input, message: 'no file matches this pattern' });
    } else problems.push({ path: input, message: 'no such file or directory' });
  }
  return out;
}

function globBase(glob: string): string {
  const parts = glob.split(/[\\/]/);
  const fixed: string[] = [];
  for (const p of parts) {
    if (/[*?[{]/.test(p)) break;
    fixed.push(p);
  }
  return fixed.length ? fixed.join('/') || '/' : '.';
}

function walk(dir: string, add: (f: string) => void, problems: WalkProblem[], visited: Set<string>, anyFile = false): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch (e) {
    problems.push({ path: dir, message: `cannot resolve (${(e as NodeJS.ErrnoException).code})` });
    return;
  }
  if (visited.has(real)) return; // symlink loop
  visited.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ path: dir, message: `cannot read directory (${(e as NodeJS.ErrnoException).code})` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = fs.statSync(p);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        problems.push({ path: p, message: 'broken symbolic link' });
        continue;
      }
    }
    if (isDir) {
      if (!SKIP_DIRS.has(e.name)) walk(p, add, problems, visited, anyFile);
    } else if (isFile && (anyFile || LINTABLE.test(e.name)) && e.name !== '.connectguard.json' && e.name !== 'package.json' && e.name !== 'package-lock.json' && e.name !== 'tsconfig.json') {
      add(p);
    }
  }
}
