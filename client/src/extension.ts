// First: its clock starts when the bundle begins to evaluate.
import { describeStartup, ExtensionApi, sinceLoad, timings } from './startupTimings';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { FindingsTree } from './findingsTree';
import { createStatusBar } from './statusBar';
import { registerCommands } from './commands';
import { CONFIG_SECTION, FINDINGS_VIEW, OUTPUT_NAME } from './ids';

let client: LanguageClient | undefined;
/** didOpen times (since load) until the first diagnostics for an open document arrive. */
const opened = new Map<string, number>();

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // JSON files (the server's gate decides which are policies or CloudTrail) and JSON Lines logs.
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'file', language: 'jsonl' },
      { scheme: 'file', pattern: '**/*.jsonl' },
    ],
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.{json,jsonl}'),
        vscode.workspace.createFileSystemWatcher('**/.connectguard.json'),
      ],
    },
    outputChannel: output,
    traceOutputChannel: output,
    diagnosticCollectionName: 'connect-guard',
    middleware: {
      didOpen: (document, next) => {
        if (timings.firstDiagnostics === undefined) opened.set(document.uri.toString(), sinceLoad());
        return next(document);
      },
      handleDiagnostics: (uri, diagnostics, next) => {
        const sent = opened.get(uri.toString());
        if (timings.firstDiagnostics === undefined && sent !== undefined && vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) {
          timings.firstDiagnostics = sinceLoad();
          timings.firstDiagnosticsOpened = sent;
          opened.clear();
          output.info(`first diagnostics for an open document ${(timings.firstDiagnostics - sent).toFixed(0)} ms after it was opened (${timings.firstDiagnostics.toFixed(0)} ms after load)`);
        }
        next(uri, diagnostics);
      },
    },
  };
  // The id makes `connectGuard.trace.server` the protocol trace setting.
  return new LanguageClient(CONFIG_SECTION, 'connect-guard', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  timings.activateCalled = sinceLoad();
  const output = vscode.window.createOutputChannel(OUTPUT_NAME, { log: true });
  context.subscriptions.push(output);
  client = createClient(context, output);

  const tree = new FindingsTree(context.workspaceState);
  const view = vscode.window.createTreeView(FINDINGS_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  tree.view = view;
  const status = createStatusBar();
  status.update(tree.counts());
  context.subscriptions.push(tree, view, status.item, tree.onDidChangeCounts((c) => status.update(c)));

  context.subscriptions.push(...registerCommands({
    client: () => client!,
    restart: async () => {
      await client!.restart();
    },
    tree,
    output,
    extensionUri: context.extensionUri,
  }));

  try {
    timings.clientStarting = sinceLoad();
    await client.start();
    timings.serverReady = sinceLoad();
    output.info('connect-guard language server started');
  } catch (e) {
    // Commands stay registered ("Restart server" can retry); the reason is in the output channel.
    output.error(`connect-guard language server failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  timings.activated = sinceLoad();
  output.info(describeStartup(timings));
  return { timings };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
