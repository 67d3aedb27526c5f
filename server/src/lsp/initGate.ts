import { DataCallback, Disposable, Message, MessageReader, MessageWriter, RequestMessage, ErrorCodes } from 'vscode-languageserver/node';

/**
 * The LSP specification: before `initialize`, a request gets error -32002
 * (ServerNotInitialized) and a notification other than `exit` is dropped. The library
 * does not enforce this, so the reader is gated here, before any handler sees a message.
 */
export function gateUntilInitialized(reader: MessageReader, writer: MessageWriter): MessageReader {
  let initialized = false;
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    dispose: () => reader.dispose(),
    listen(callback: DataCallback): Disposable {
      return reader.listen((msg: Message) => {
        const m = msg as Partial<RequestMessage>;
        if (!initialized && typeof m.method === 'string') {
          if (m.method === 'initialize') initialized = true;
          else if (m.method !== 'exit') {
            if (m.id !== undefined && m.id !== null) {
              void writer.write({ jsonrpc: '2.0', id: m.id, error: { code: ErrorCodes.ServerNotInitialized, message: `${m.method} before initialize` } } as Message);
            }
            return;
          }
        }
        callback(msg);
      });
    },
  };
}
