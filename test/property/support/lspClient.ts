import * as cp from 'child_process';
import * as path from 'path';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export const DIST = path.resolve(__dirname, '../../../../dist');

export interface RawServer {
  child: cp.ChildProcess;
  rpc: MessageConnection;
  stderr: string[];
  /** Every publishDiagnostics, in order. */
  published: { uri: string; diagnostics: { code?: string | number; message: string }[] }[];
  exited: Promise<number | null>;
  waitFor(uri: string, timeoutMs?: number): Promise<{ code?: string | number; message: string }[]>;
  initialize(rootUri?: string | null): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * Spawns dist/server.js over stdio with extra node arguments (a preload), answering the
 * requests a client must answer. The protocol tests' harness does not take node
 * arguments, hence this small one.
 */
export function spawnServer(nodeArgs: string[] = [], env: NodeJS.ProcessEnv = process.env): RawServer {
  const child = cp.spawn(process.execPath, [...nodeArgs, path.join(DIST, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const stderr: string[] = [];
  const published: RawServer['published'] = [];
  const waiters: ((p: RawServer['published'][number]) => boolean)[] = [];
  child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  rpc.onNotification('textDocument/publishDiagnostics', (p: RawServer['published'][number]) => {
    published.push(p);
    for (let i = waiters.length - 1; i >= 0; i--) if (waiters[i](p)) waiters.splice(i, 1);
  });
  rpc.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  rpc.onRequest('window/workDoneProgress/create', () => null);
  rpc.onRequest('client/registerCapability', () => null);
  rpc.onError(() => undefined);
  rpc.listen();
  return {
    child,
    rpc,
    stderr,
    published,
    exited,
    waitFor(uri, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no diagnostics for ${uri} in ${timeoutMs} ms; stderr: ${stderr.join('').slice(0, 1000)}`)), timeoutMs);
        waiters.push((p) => {
          if (p.uri !== uri) return false;
          clearTimeout(t);
          resolve(p.diagnostics);
          return true;
        });
      });
    },
    async initialize(rootUri = null) {
      const r = await rpc.sendRequest('initialize', { processId: process.pid, rootUri, capabilities: { workspace: { configuration: true } }, workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null });
      await rpc.sendNotification('initialized', {});
      return r;
    },
    async stop() {
      try {
        await Promise.race([rpc.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await rpc.sendNotification('exit');
      } catch {
        /* already gone */
      }
      const t = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(t);
      rpc.dispose();
    },
  };
}
