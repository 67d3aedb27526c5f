import type { Connection } from 'vscode-languageserver/node';

/** Log lines go to the client's output channel, which filters by level. */
export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export function connectionLogger(connection: Connection): Logger {
  return {
    debug: (m) => connection.console.debug(m),
    info: (m) => connection.console.info(m),
    warn: (m) => connection.console.warn(m),
    error: (m) => connection.console.error(m),
  };
}
