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
  for (const header of ['Content-Length: abc', 'X-Nothing: 1']) {
    it(`after a corrupt header (${header}) the server keeps answering or exits; it does not hang deaf`, async () => {
      const s = spawnServer();
      try {
        await s.initialize();
        s.child.stdin!.write(`${header}\r\n\r\n{}`);
        const uri = 'file:///robustness/lsp/after-bad-header.identity.json';
        const answered = s.waitFor(uri, 5_000).then(() => 'answered', () => 'silent');
        await s.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: '{}' } }).catch(() => undefined);
        const exited = await Promise.race([s.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5_000))]);
        assert.ok((await answered) === 'answered' || exited, 'the server is alive but no longer reads its input');
      } finally {
        s.child.kill('SIGKILL');
      }
    });
  }
});
