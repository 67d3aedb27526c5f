// Start-up timings the extension takes of itself, for a user asking why the editor is slow
// (one line in the output channel) and for the editor tests and `npm run bench` (the
// extension's exported API). Nothing is sent anywhere.
//
// extension.ts imports this module first, so the bundle evaluates it before the language
// client library: the clock starts at the bundle's module evaluation (V8 compiling the
// file before that is not counted).
const loadStarted = performance.now();

/** Milliseconds since the extension bundle began to evaluate; absent until reached. */
export interface StartupTimings {
  /** The editor called activate() (the bundle evaluated, the extension's context prepared). */
  activateCalled?: number;
  /** activate() has set up views and commands and asks the language client to start. */
  clientStarting?: number;
  /** The language client is running: server started and `initialize` answered. */
  serverReady?: number;
  /** activate() finished (it waits for the language server, so this is >= serverReady). */
  activated?: number;
  /** The server published diagnostics for a document open in the editor, the first time. */
  firstDiagnostics?: number;
  /**
   * When that document was sent to the server (didOpen). The editor may open it long after
   * activation (a workspace that holds policies activates the extension at start-up), so
   * firstDiagnostics - firstDiagnosticsOpened is the server's answer time.
   */
  firstDiagnosticsOpened?: number;
}

/** What activate() returns: `vscode.extensions.getExtension(id).exports`. */
export interface ExtensionApi {
  /** Filled in as start-up proceeds; firstDiagnostics may arrive after activate() returned. */
  readonly timings: StartupTimings;
}

export const timings: StartupTimings = {};

export function sinceLoad(): number {
  return Math.round((performance.now() - loadStarted) * 10) / 10;
}

export function describeStartup(t: StartupTimings): string {
  const server = t.serverReady === undefined ? 'language server failed to start' : `language server ready in ${t.serverReady.toFixed(0)} ms`;
  const setup = (t.clientStarting ?? 0) - (t.activateCalled ?? 0);
  return `activated in ${t.activated?.toFixed(0)} ms; ${server} (activate() called at ${t.activateCalled?.toFixed(0)} ms, its own set-up ${setup.toFixed(0)} ms; times since the extension began to load)`;
}
