import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS } from './commands';
import { CliIO, EXIT, UsageError } from './io';
import { ConfigError } from '../node/configLoader';
import { VERSION } from './version';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `connect-guard ${VERSION}: Amazon Connect security linter for IAM policies and CloudTrail logs`,
    '',
    'Usage: connect-guard <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `connect-guard <command> --help` for a command\'s options. Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or read error.',
    '',
  ].join('\n');
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  if (!args.length || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    io.out(help());
    return args.length ? EXIT.ok : EXIT.usage;
  }
  if (args[0] === '--version' || args[0] === '-v') {
    io.out(`${VERSION}\n`);
    return EXIT.ok;
  }
  // A bare path means lint.
  const named = COMMANDS.find((c) => c.name === args[0]);
  const looksLikePath = args[0].startsWith('-') || /[./\\*?]/.test(args[0]) || fs.existsSync(path.resolve(io.cwd, args[0]));
  const command = named ?? (looksLikePath ? COMMANDS.find((c) => c.name === 'lint')! : undefined);
  if (!command) {
    io.err(`connect-guard: unknown command "${args[0]}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}\n`);
    return EXIT.usage;
  }
  const rest = named ? args.slice(1) : args;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    const err = e as Error & { code?: string };
    if (e instanceof UsageError || e instanceof ConfigError || err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' || err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      io.err(`connect-guard: ${err.message}\n`);
      return EXIT.usage;
    }
    // A file-system error that escaped a command (an --output path in a missing folder, a
    // file removed mid-run) is the user's environment, not a bug: say which path and why.
    const sys = e as NodeJS.ErrnoException;
    if (sys && sys.code === 'ERR_INVALID_ARG_VALUE' && /null bytes/.test(sys.message)) {
      io.err('connect-guard: a path contains a NUL character\n');
      return EXIT.usage;
    }
    if (sys && typeof sys.code === 'string' && typeof sys.syscall === 'string' && typeof sys.path === 'string') {
      io.err(`connect-guard: cannot ${sys.syscall} ${sys.path} (${sys.code})\n`);
      return EXIT.usage;
    }
    io.err(`connect-guard: internal error: ${err?.message ?? String(e)}${debug ? `\n${err?.stack ?? ''}` : ' (run with --debug for the stack)'}\n`);
    return EXIT.usage;
  }
}

export function processIO(): CliIO {
  return {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    isTTY: !!process.stdout.isTTY,
    cwd: process.cwd(),
    env: process.env,
  };
}
