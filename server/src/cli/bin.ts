#!/usr/bin/env node
import { main, processIO } from './main';

// Output piped into `head` or a closed pager: stop quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`connect-guard: internal error: ${String(e)}\n`);
    process.exitCode = 2;
  },
);
