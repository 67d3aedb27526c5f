import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { CliIO } from '../../server/src/cli/io';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process with a fake terminal. */
export async function runCli(argv: string[], cwd: string, opts: { isTTY?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIO = {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
    isTTY: opts.isTTY ?? false,
    cwd,
    env: opts.env ?? {},
  };
  const code = await main(argv, io);
  return { code, out, err };
}

/** A fresh temporary directory holding `files` (relative path -> content). */
export function tempTree(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cg-cli-')));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return dir;
}

export function removeTree(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Repository root (tests run from out/test/unit). */
export const ROOT = path.join(__dirname, '../../..');
