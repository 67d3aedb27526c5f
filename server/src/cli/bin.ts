#!/usr/bin/env node
import { main, processIO } from './main';

main(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`connect-guard: internal error: ${String(e)}\n`);
    process.exitCode = 2;
  },
);
