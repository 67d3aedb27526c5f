import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { Logger } from './logger';

/**
 * Runs a request handler so that one strange document never takes the server down:
 * cancellation is honoured (checked after yielding, so a queued $/cancelRequest is
 * seen), errors are logged with their stack and answered with a fallback.
 */
export function runSafe<T>(log: Logger, what: string, token: CancellationToken | undefined, fallback: T, fn: () => T | Promise<T>): Promise<T | ResponseError<void>> {
  return new Promise((resolve) => {
    setImmediate(async () => {
      if (token?.isCancellationRequested) {
        resolve(new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled'));
        return;
      }
      try {
        const result = await fn();
        resolve(token?.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled') : result);
      } catch (e) {
        log.error(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        resolve(fallback);
      }
    });
  });
}

/** For notifications: log and swallow, never throw into the connection. */
export function guard(log: Logger, what: string, fn: () => unknown): void {
  try {
    const r = fn();
    if (r instanceof Promise) r.catch((e: unknown) => log.error(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  } catch (e) {
    log.error(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}
