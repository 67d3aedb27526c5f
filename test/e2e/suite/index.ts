// The test index VS Code loads into the extension host (`extensionTestsPath`): runs the
// editor suite with mocha and resolves or rejects `run()`, which the workbench turns
// into its exit code. A results file (path from CONNECT_GUARD_E2E_RESULTS, when set) lets
// the harness check that the suite really ran, and ran everything.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import { OUTPUT_MARKER, SuiteResults } from '../protocol';

// mocha 12 is an ES module; its CommonJS build loads without require(esm).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha = require('mocha/lib/mocha.cjs') as typeof import('mocha');

// Order matters only for the last file: it leaves the window as the screenshots show it.
const FILES = ['activation', 'diagnostics', 'quickfix', 'assist', 'authoring', 'findingsTree', 'commands', 'settings', 'ui'];

export function run(): Promise<void> {
  // The workbench forwards console messages unformatted; format them here, line by line.
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  base.consoleLog = (...args: unknown[]) => {
    for (const line of util.format(...args).split('\n')) console.log(`${OUTPUT_MARKER}${line}`);
  };
  // CONNECT_GUARD_E2E_GREP runs only the matching tests, while working on them.
  // One retry absorbs workbench timing (a scan's diagnostics racing the open document's);
  // a real break fails twice and still fails the run.
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 30_000, slow: 5_000, retries: 1, grep: process.env.CONNECT_GUARD_E2E_GREP });
  for (const f of FILES) {
    const file = path.join(__dirname, `${f}.test.js`);
    if (fs.existsSync(file)) mocha.addFile(file);
  }
  return new Promise((resolve, reject) => {
    const results: SuiteResults = { total: 0, passes: 0, failures: 0, failed: [] };
    const runner = mocha.run((failures) => {
      const out = process.env.CONNECT_GUARD_E2E_RESULTS;
      if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2));
      if (failures > 0) reject(new Error(`${failures} editor test(s) failed`));
      else resolve();
    });
    results.total = runner.total;
    runner.on('pass', () => results.passes++);
    runner.on('fail', (test, err: Error) => {
      results.failures++;
      results.failed.push({ title: test.fullTitle(), error: err.message });
    });
  });
}
