// Starts code-server (VS Code's server and browser workbench) in a sandbox of its own:
// every directory it or its extension host writes to is under `sandbox`, so a run
// touches neither the real home nor /tmp, and deleting the sandbox removes all of it.
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { ChildProcess, spawn } from 'child_process';
import { repoRoot } from './prepare';


// eslint-disable-next-line @typescript-eslint/no-require-imports
const setup = require(path.join(repoRoot, 'scripts', 'e2e-setup.js')) as {
  hostPaths(): { host: string; node: string; codeServer: string; chromium: string };
  isInstalled(): boolean;
};

export function hostPaths() {
  if (!setup.isInstalled()) {
    throw new Error('the editor host is not installed: run `node scripts/e2e-setup.js` (npm test does it for you)');
  }
  return setup.hostPaths();
}

/** HOME, XDG_* and TMPDIR inside the sandbox, for code-server and chromium alike. */
export function sandboxEnv(sandbox: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dirs = { HOME: 'home', XDG_CONFIG_HOME: 'config', XDG_DATA_HOME: 'data', XDG_CACHE_HOME: 'cache', XDG_RUNTIME_DIR: 'runtime', TMPDIR: 'tmp' };
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const [name, dir] of Object.entries(dirs)) {
    const p = path.join(sandbox, dir);
    fs.mkdirSync(p, { recursive: true, mode: 0o700 });
    env[name] = p;
  }
  return env;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'never',
};

export interface CodeServer {
  port: number;
  origin: string;
  process: ChildProcess;
  /** Everything code-server printed, for the failure report. */
  output(): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  sandbox: string;
  workspace: string;
  env?: Record<string, string>;
  /** Installs a .vsix into the sandbox's extensions folder first (for `npm run editor`). */
  installVsix?: string;
  /** Lets the workbench honour the `payload` URL parameter that starts the tests. */
  testDriver?: boolean;
  /** A fixed port; by default a free one. */
  port?: number;
  timeoutMs?: number;
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  const { node, codeServer } = hostPaths();
  const port = opts.port ?? (await freePort());
  const env = sandboxEnv(opts.sandbox, opts.env);
  const config = path.join(opts.sandbox, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\n');
  // A quiet window: no chat side bar, welcome page, tips or update checks.
  const userDir = path.join(opts.sandbox, 'user-data', 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const common = [
    '--config', config,
    '--user-data-dir', path.join(opts.sandbox, 'user-data'),
    '--extensions-dir', path.join(opts.sandbox, 'extensions'),
  ];
  if (opts.installVsix) {
    await runToEnd(node, [codeServer, ...common, '--install-extension', opts.installVsix], env);
  }
  const args = [
    codeServer,
    ...common,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(opts.testDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    opts.workspace,
  ];
  // Its own process group, so stop() also ends the extension host and language server.
  const child = spawn(node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const server: CodeServer = {
    port,
    origin: `http://127.0.0.1:${port}`,
    process: child,
    output: () => out,
    stop: () => stopGroup(child),
  };
  try {
    await waitForPort(port, child, opts.timeoutMs ?? 30_000);
  } catch (e) {
    await server.stop();
    throw new Error(`${(e as Error).message}\n${out}`);
  }
  return server;
}

function runToEnd(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} ${args.slice(-2).join(' ')} exited ${code}\n${out}`))));
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before listening`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server did not listen on port ${port} within ${timeoutMs} ms`);
}

/** SIGTERM to the whole process group, SIGKILL if it is still there after 3 s. */
export async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const alive = () => {
    try {
      process.kill(-child.pid!, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 3000;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (alive()) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
