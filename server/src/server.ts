/**
 * Language server entry (bundled to dist/server.js). Thin: builds the connection
 * (transport from the command line: --node-ipc from the VS Code client, --stdio from
 * tests) and hands it to startServer. The same bundle, started as a worker thread with
 * the lint role, serves big-document lint jobs (lsp/linter.ts).
 */
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';
import { serveLintJobs, WORKER_ROLE } from './lsp/linter';
import { VERSION } from './cli/version';

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === WORKER_ROLE) {
  serveLintJobs(parentPort!);
} else {
  startServer(createConnection(ProposedFeatures.all), { workerScript: __filename, version: VERSION });
}
