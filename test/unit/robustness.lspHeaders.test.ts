/**
 * A corrupt message header used to leave the server alive but deaf (vscode-jsonrpc's
 * reader gives up on the stream), so VS Code never restarted it. server.ts now exits on a
 * reader error; the client restarts a server that exits.
 */
import * as assert from 'assert';
import { ResponseError } from 'vscode-jsonrpc/node';
import { spawnServer } from '../property/support/lspClient';

describe('robustness: LSP corrupt headers', function () {
  this.timeout(30_000);
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

  describe('requests before initialize', () => {
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
});
