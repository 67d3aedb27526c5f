import type { ContentTypeDecoder, Message } from 'vscode-languageserver/node';
import { BIG_TEXT } from './linter';

/**
 * vscode-jsonrpc's body decoder for the stdio transport, split in two: a big body (a 20 MB
 * log's didOpen) is turned into a string and parsed in separate event-loop turns, so the main
 * thread is blocked for each half rather than for their sum. (The IPC transport VS Code uses
 * is parsed inside Node's channel and cannot be split.) Order is kept: the reader decodes one
 * message at a time.
 */
export const yieldingJsonDecoder: ContentTypeDecoder = {
  name: 'application/json',
  async decode(body, options): Promise<Message> {
    const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString(options.charset);
    if (text.length >= BIG_TEXT) await new Promise((r) => setImmediate(r));
    return JSON.parse(text) as Message;
  },
};
