import {
  Connection, DidChangeConfigurationNotification, FileChangeType, InitializeParams, InitializeResult, TextDocuments, TextDocumentSyncKind, CodeActionKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { monitorEventLoopDelay } from 'perf_hooks';
import { loadIamData, IamData } from '../engine';
import { CONFIG_FILE_NAME } from '../node/configLoader';
import { Analyzer, Folders, uriToPath } from './analyzer';
import { AssistHandlers } from './assistHandlers';
import { CodeActionsHandler, REWRITE_KIND, TEMPLATE_KIND } from './codeActions';
import { DiagnosticsScheduler } from './diagnostics';
import { Linter } from './linter';
import { connectionLogger } from './logger';
import { GENERATE_POLICY, GeneratePolicyParams, GeneratePolicyResult } from './protocol';
import { generatePolicy } from './generatePolicy';
import { checkActivity } from './checkActivity';
import { CHECK_ACTIVITY, CheckActivityParams, CheckActivityResult } from './protocol';
import { FIX_ALL_KIND, LIST_TEMPLATES, REFACTOR, RefactorParams, RefactorResult, SCAN_WORKSPACE, ScanWorkspaceResult, STATS, StatsResult } from './protocol';
import { listTemplates, refactor } from './refactorRequest';
import { guard, runSafe } from './runSafe';
import { SettingsProvider } from './settings';
import { WorkspaceScanner } from './workspaceScan';

export interface ServerRuntime {
  /** Script that runs lint jobs in a worker thread (the bundle itself); undefined lints inline. */
  workerScript?: string;
  version: string;
}

/** Wires the handlers to a connection. The platform entry (server.ts) only builds the connection. */
export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const log = connectionLogger(connection);
  const documents = new TextDocuments(TextDocument);
  let configurationSupported = false;
  let progressSupported = false;
  let dynamicConfigChange = false;
  let folderEvents = false;
  let iamData: IamData | undefined;
  const iam = () => (iamData ??= loadIamData());

  const settings = new SettingsProvider(connection, () => configurationSupported);
  const linter = new Linter(log, runtime.workerScript);
  const folders = new Folders();
  const analyzer = new Analyzer(settings, linter, folders, log);
  const diagnostics = new DiagnosticsScheduler(connection, documents, analyzer, log);
  const scanner = new WorkspaceScanner(connection, documents, analyzer, log, () => progressSupported);
  const actions = new CodeActionsHandler(documents, analyzer, diagnostics.kinds, iam);
  const assist = new AssistHandlers(documents, diagnostics.kinds, iam);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    configurationSupported = !!caps.workspace?.configuration;
    progressSupported = !!caps.window?.workDoneProgress;
    dynamicConfigChange = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    folderEvents = !!caps.workspace?.workspaceFolders;
    folders.set(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, TEMPLATE_KIND, REWRITE_KIND], resolveProvider: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', ':', '/'], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'connect-guard', version: runtime.version },
    };
  });

  connection.onInitialized(() => {
    if (dynamicConfigChange) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'connectGuard' });
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => guard(log, 'workspace folders', () => {
        for (const f of e.removed) folders.remove(f.uri);
        for (const f of e.added) folders.add(f.uri);
        return scanner.scan();
      }));
    }
    log.info(`connect-guard ${runtime.version} started (${folders.all().length} workspace folder(s))`);
    guard(log, 'startup scan', () => scanner.scan(undefined, true));
  });

  documents.onDidOpen((e) => guard(log, 'open', () => {
    scanner.opened(e.document.uri);
    diagnostics.schedule(e.document, 0);
  }));
  documents.onDidChangeContent((e) => guard(log, 'change', () => diagnostics.schedule(e.document)));
  documents.onDidClose((e) => guard(log, 'close', () => {
    diagnostics.closed(e.document.uri);
    const file = uriToPath(e.document.uri);
    // A closed file still belongs to the workspace view: lint it from disk.
    if (file && folders.of(file)) return scanner.scanFile(file);
    return connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  }));

  connection.onDidChangeConfiguration(() => guard(log, 'configuration change', () => {
    settings.changed();
    diagnostics.revalidateAll();
    return scanner.scan();
  }));

  connection.onDidChangeWatchedFiles((e) => guard(log, 'file events', async () => {
    if (e.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`))) {
      analyzer.configsChanged();
      diagnostics.revalidateAll();
      await scanner.scan();
      return;
    }
    for (const c of e.changes) {
      const file = uriToPath(c.uri);
      if (!file || documents.all().some((d) => uriToPath(d.uri) === file)) continue;
      if (c.type === FileChangeType.Deleted) scanner.forget(file);
      else await scanner.scanFile(file);
    }
  }));

  connection.onCodeAction((params, token) => runSafe(log, 'code actions', token, [], () => actions.provide(params)));
  connection.onHover((params, token) => runSafe(log, 'hover', token, null, () => assist.hover(params)));
  connection.onCompletion((params, token) => runSafe(log, 'completion', token, [], () => assist.completion(params)));
  connection.onRequest<ScanWorkspaceResult, void>(SCAN_WORKSPACE, (_params, token) => runSafe(log, 'scan', token, { files: 0, findings: 0, skipped: 0 }, () => scanner.scan(token)));
  connection.onRequest<RefactorResult, void>(REFACTOR, (params: RefactorParams, token) => runSafe(log, 'refactor', token, { problem: 'connect-guard failed on this document; see its output channel.' }, () => refactor(documents, params, iam)));
  connection.onRequest(LIST_TEMPLATES, () => listTemplates());
  connection.onRequest<CheckActivityResult, void>(CHECK_ACTIVITY, (params: CheckActivityParams, token) => runSafe(log, 'check activity', token, { summary: 'connect-guard failed; see its output channel.', problems: [] }, () => checkActivity(documents, params, iam(), diagnostics)));
  connection.onRequest<GeneratePolicyResult, void>(GENERATE_POLICY, (params: GeneratePolicyParams, token) => runSafe(log, 'generate policy', token, { problem: 'connect-guard failed on this document; see its output channel.', notes: [] }, () => generatePolicy(documents, params, iam())));
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  connection.onRequest(STATS, (params: { reset?: boolean } | undefined): StatsResult => {
    const result = { maxEventLoopDelayMs: loopDelay.max / 1e6 };
    if (params?.reset) loopDelay.reset();
    return result;
  });
  connection.onShutdown(() => {
    loopDelay.disable();
    linter.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
