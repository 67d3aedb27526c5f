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
  /** activate() finished (it waits for the language server, so this is >= serverReady). */
  activated?: number;
  /** The language client is running: server started and `initialize` answered. */
  serverReady?: number;
  /** The server published diagnostics for a document open in the editor, the first time. */
  firstDiagnostics?: number;
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
  return `activated in ${t.activated?.toFixed(0)} ms; ${server} (since the extension began to load)`;
}
