// The part of a run both harnesses share: a temporary sandbox holding the unpacked .vsix
// (the extension under test is what users install, not the source tree) and a copy of
// the fixture workspace (tests edit and delete files in it).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { SuiteResults } from './protocol';
import { unzip } from './zip';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

export function defaultVsix(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  return path.join(repoRoot, `${pkg.name}-${pkg.version}.vsix`);
}

export interface Sandbox {
  dir: string;
  extension: string;
  workspace: string;
  /** Where the test index writes its results (CONNECT_GUARD_E2E_RESULTS). */
  results: string;
  remove(): void;
}

export function prepareSandbox(vsix: string, fixture = path.join(repoRoot, 'test', 'e2e', 'fixtures', 'workspace')): Sandbox {
  if (!fs.existsSync(vsix)) throw new Error(`${path.relative(repoRoot, vsix)} not found: run \`npm run package\` first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'connect-guard-e2e-'));
  unzip(vsix, path.join(dir, 'vsix'));
  const workspace = path.join(dir, 'workspace');
  fs.cpSync(fixture, workspace, { recursive: true });
  return {
    dir,
    extension: path.join(dir, 'vsix', 'extension'),
    workspace,
    results: path.join(dir, 'results.json'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export function artifactsDir(): string {
  const dir = path.join(repoRoot, '.e2e', 'artifacts');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** The exit code and the suite's own results file must agree. */
export function crossCheck(code: number, resultsFile: string): { ok: boolean; message: string } {
  if (!fs.existsSync(resultsFile)) return { ok: false, message: `exit code ${code} and no results file: the suite never ran (the editor did not start, or the test index did not load)` };
  const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as SuiteResults;
  const summary = `${r.passes} passing, ${r.failures} failing of ${r.total}`;
  if (code !== 0) return { ok: false, message: `${summary}, exit code ${code}` };
  if (r.failures > 0 || r.passes === 0 || r.passes !== r.total) return { ok: false, message: `${summary}, though the exit code was 0` };
  return { ok: true, message: summary };
}
