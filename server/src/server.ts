/**
 * Language server entry (bundled to dist/server.js). Thin: builds the connection
 * (transport from the command line: --node-ipc from the VS Code client, --stdio from
 * tests) and hands it to startServer. The same bundle, started as a worker thread with
 * the lint role, serves big-document lint jobs (lsp/linter.ts).
 */
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { createConnection, ProposedFeatures, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, MessageReader, MessageWriter } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';
import { gateUntilInitialized } from './lsp/initGate';
import { lowerLintThreadPriority, serveLintJobs, WORKER_ROLE } from './lsp/linter';
import { VERSION } from './cli/version';
import { yieldingJsonDecoder } from './lsp/jsonDecoder';

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === WORKER_ROLE) {
  lowerLintThreadPriority();
  serveLintJobs(parentPort!);
} else {
  const [reader, writer] = transport();
  // A corrupt message header makes the reader give up on its stream: the process would stay
  // alive but deaf, and the client only restarts a server that exits. Exit instead.
  // A bad body (invalid JSON) is skipped by the reader and it reads on; a bad header is not.
  reader.onError((e) => {
    if (!/content-length|header/i.test(e.message)) return;
    process.stderr.write(`connect-guard: unreadable message from the client (${e.message}); exiting so the client restarts the server\n`);
    process.exit(1);
  });
  startServer(createConnection(ProposedFeatures.all, gateUntilInitialized(reader, writer), writer), { workerScript: __filename, version: VERSION });
}

/** The transport the client asked for on the command line (VS Code: --node-ipc; tests: --stdio). */
function transport(): [MessageReader, MessageWriter] {
  if (process.argv.includes('--node-ipc')) return [new IPCMessageReader(process), new IPCMessageWriter(process)];
  return [new StreamMessageReader(process.stdin, { charset: 'utf-8', contentTypeDecoder: yieldingJsonDecoder }), new StreamMessageWriter(process.stdout)];
}
