/**
 * PENDING (not run by `npm test`): server.ts (language-server owner) answers requests
 * that arrive before `initialize`; the LSP specification says: "For a request the response
 * should be an error with code: -32002". And after a corrupt header (`Content-Length: abc`)
 * the server neither answers nor exits: vscode-jsonrpc's reader gives up on the stream, so
 * the process stays alive and deaf, and VS Code's client never restarts it (it restarts a
 * server that exits). Move to test/unit/robustness.lsp.test.ts when fixed.
 */
import * as assert from 'assert';
import { ResponseError } from 'vscode-jsonrpc/node';
import { spawnServer } from '../support/lspClient';

describe('LSP (pending): requests before initialize', function () {
  this.timeout(30_000);
  it('are refused with ServerNotInitialized (-32002)', async () => {
    const s = spawnServer();
    try {
      let code: number | 'ok' = 'ok';
      try {
        await s.rpc.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x.identity.json' }, position: { line: 0, character: 0 } });
      } catch (e) {
        code = (e as ResponseError<unknown>).code;
      }
      assert.strictEqual(code, -32002);
    } finally {
      await s.stop();
    }
  });
});
