import * as cp from 'child_process';
import * as path from 'path';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/** The bundled server, as the extension ships it. */
export const SERVER = path.resolve(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface TestClient {
  rpc: MessageConnection;
  /** The server's answer to initialize. */
  initializeResult: { capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } };
  /** Settings answered to workspace/configuration, per scopeUri ('' for any). */
  settings: Map<string, unknown>;
  configurationRequests: { scopeUri?: string; section?: string }[];
  progress: unknown[];
  logs: string[];
  diagnostics: Map<string, Diagnostic[]>;
  /** Every publishDiagnostics, in arrival order (with the version when the server sent one). */
  published: PublishDiagnosticsParams[];
  /** Resolves with the next diagnostics for `uri` that satisfy `accept`. */
  waitForDiagnostics(uri: string, accept?: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  /** The diagnostics already published for `uri` if they satisfy `accept`, else the next that do. */
  diagnosticsNowOrNext(uri: string, accept?: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  /** Polls until `probe` holds (for effects without a notification of their own). */
  until(what: string, probe: () => boolean, timeoutMs?: number): Promise<void>;
  open(uri: string, text: string, version?: number): void;
  change(uri: string, version: number, text: string): void;
  close(): Promise<void>;
}

/**
 * Spawns dist/server.js over stdio and plays the client: answers workspace/configuration,
 * window/workDoneProgress/create and client/registerCapability, collects diagnostics.
 */
export async function startClient(rootUri: string | null, settings: Record<string, unknown> = {}): Promise<TestClient> {
  // CONNECT_GUARD_SERVER_NODE_ARGS passes Node flags to the server (e.g. `--cpu-prof` while benchmarking; NODE_OPTIONS refuses it).
  const nodeArgs = process.env.CONNECT_GUARD_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = cp.spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const client: TestClient = {
    rpc,
    initializeResult: { capabilities: {} },
    settings: new Map([['', settings]]),
    configurationRequests: [],
    progress: [],
    logs: [],
    diagnostics: new Map(),
    published: [],
    waitForDiagnostics(uri, accept = () => true, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching diagnostics for ${uri} in ${timeoutMs} ms; last: ${JSON.stringify(client.diagnostics.get(uri)?.map((d) => d.code))}`));
        }, timeoutMs);
        const waiter = (p: PublishDiagnosticsParams) => {
          if (p.uri !== uri || !accept(p.diagnostics)) return false;
          clearTimeout(timer);
          resolve(p.diagnostics);
          return true;
        };
        waiters.add(waiter);
      });
    },
    diagnosticsNowOrNext(uri, accept = () => true) {
      const now = client.diagnostics.get(uri);
      return now && accept(now) ? Promise.resolve(now) : client.waitForDiagnostics(uri, accept);
    },
    async until(what, probe, timeoutMs = 10000) {
      const deadline = Date.now() + timeoutMs;
      while (!probe()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    open(uri, text, version = 1) {
      void rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version, text } });
    },
    change(uri, version, text) {
      void rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async close() {
      try {
        await Promise.race([rpc.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        void rpc.sendNotification('exit');
      } catch {
        /* already gone */
      }
      await new Promise<void>((r) => {
        const t = setTimeout(() => {
          child.kill();
          r();
        }, 2000);
        child.once('exit', () => {
          clearTimeout(t);
          r();
        });
      });
      rpc.dispose();
    },
  };
  const waiters = new Set<(p: PublishDiagnosticsParams) => boolean>();
  rpc.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    client.diagnostics.set(p.uri, p.diagnostics);
    client.published.push(p);
    for (const w of [...waiters]) if (w(p)) waiters.delete(w);
  });
  rpc.onNotification('window/logMessage', (p: { message: string }) => {
    client.logs.push(p.message);
  });
  rpc.onNotification('$/progress', (p: unknown) => {
    client.progress.push(p);
  });
  rpc.onRequest('window/workDoneProgress/create', () => null);
  rpc.onRequest('client/registerCapability', () => null);
  rpc.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => {
    client.configurationRequests.push(...p.items);
    return p.items.map((i) => client.settings.get(i.scopeUri ?? '') ?? client.settings.get(''));
  });
  child.stderr!.on('data', (d: Buffer) => client.logs.push(d.toString()));
  rpc.listen();
  client.initializeResult = await rpc.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
      textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true } },
    },
  });
  void rpc.sendNotification('initialized', {});
  return client;
}

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

/** Applies LSP edits to a text, as the editor would. */
export function applyLspEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'json', 0, text), edits);
}

export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  const edits = edit?.changes?.[uri];
  if (!edits) throw new Error(`no edits for ${uri} in ${JSON.stringify(edit)}`);
  return applyLspEdits(text, edits);
}

/** Zero-based range of the n-th occurrence of `needle`, written from the text (never from the server). */
export function rangeIn(text: string, needle: string, nth = 0): { start: { line: number; character: number }; end: { line: number; character: number } } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurrence ${nth} not in text`);
  }
  const doc = TextDocument.create('file:///x', 'json', 0, text);
  return { start: doc.positionAt(at), end: doc.positionAt(at + needle.length) };
}

export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  return TextDocument.create('file:///x', 'json', 0, text).positionAt(at + delta);
}
