/** What a command may touch; injected so tests run commands in-process. */
export interface CliIO {
  out(s: string): void;
  err(s: string): void;
  /** Colour and progress only on a terminal. */
  isTTY: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** A usage error: exit 2 with a one-line message. */
export class UsageError extends Error {}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const CODES: Record<string, string> = { error: '31', warning: '33', info: '36', hint: '90', dim: '2', bold: '1' };
export function paint(io: CliIO, style: keyof typeof CODES | string, s: string): string {
  if (!io.isTTY || io.env.NO_COLOR) return s;
  return `\u001b[${CODES[style] ?? '0'}m${s}\u001b[0m`;
}
