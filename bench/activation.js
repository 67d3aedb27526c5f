'use strict';
// Extension activation in the real editor: packages the .vsix as users get it, then runs
// the editor-test harness (out/test/e2e/runner.js: a fresh code-server, profile and
// extension host each time, so every run is a cold activation) with only the timing test
// selected; the test writes the timings the extension took of itself
// (client/src/startupTimings.ts) to CONNECT_GUARD_TIMINGS_FILE.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const TEST = 'reports its start-up timings';
const SETUP_HINT = 'not measured: run `node scripts/e2e-setup.js`';

exports.run = ({ row, results, median, root }) => {
  const setup = require(path.join(root, 'scripts', 'e2e-setup.js'));
  const runner = path.join(root, 'out', 'test', 'e2e', 'runner.js');
  if (!setup.isInstalled()) {
    row('start-up', 'extension activation', SETUP_HINT);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'connect-guard-bench-activation-'));
  try {
    const vsix = path.join(dir, 'connect-guard.vsix');
    const pkg = spawnSync(process.execPath, [path.join(root, 'scripts', 'package.js'), '--out', vsix], { cwd: root, encoding: 'utf8' });
    if (pkg.status !== 0) {
      row('start-up', 'extension activation', `failed: packaging exited ${pkg.status}: ${(pkg.stderr || pkg.stdout).trim().split('\n').pop()}`);
      return;
    }
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const file = path.join(dir, `timings-${i}.json`);
      const env = { ...process.env, CONNECT_GUARD_E2E_GREP: TEST, CONNECT_GUARD_TIMINGS_FILE: file };
      const r = spawnSync(process.execPath, [runner, '--vsix', vsix, '--timeout', '60'], { cwd: root, env, encoding: 'utf8' });
      if (r.status !== 0 || !fs.existsSync(file)) {
        const why = `${r.stdout}\n${r.stderr}`.trim().split('\n').filter((l) => l.startsWith('e2e:')).pop() ?? `exit ${r.status}`;
        row('start-up', 'extension activation', `failed on run ${i + 1}: ${why}`);
        return;
      }
      runs.push(JSON.parse(fs.readFileSync(file, 'utf8')));
    }
    const med = (key) => median(runs.map((t) => t[key]));
    const each = (key) => runs.map((t) => t[key].toFixed(0)).join(', ');
    const ms = (key) => `${med(key).toFixed(0)} ms (runs: ${each(key)})`;
    const ownSetup = median(runs.map((t) => t.clientStarting - t.activateCalled));
    results.sections.activation = {
      runs,
      medians: Object.fromEntries(['activateCalled', 'clientStarting', 'serverReady', 'activated', 'firstDiagnostics', 'firstDiagnosticsOpened'].map((k) => [k, med(k)])),
    };
    const since = 'since the extension bundle began to load, in code-server with the packaged .vsix, 3 cold editors';
    row('start-up', `extension activation: module load to activate() end (${since}; activate() waits for the language server)`, `${ms('activated')}; activate() called at ${med('activateCalled').toFixed(0)} ms, its own set-up ${ownSetup.toFixed(0)} ms`);
    row('start-up', 'language server ready: module load to initialize answered', ms('serverReady'));
    // The test workspace holds policies, so the extension activates at editor start-up and the
    // test opens the policy later: what the server adds is didOpen -> first publish.
    const answer = runs.map((t) => t.firstDiagnostics - t.firstDiagnosticsOpened);
    results.sections.activation.openToDiagnostics = median(answer);
    row('start-up', 'first diagnostics for the opened policy: didOpen to first publish, in the editor', `${median(answer).toFixed(0)} ms (runs: ${answer.map((x) => x.toFixed(0)).join(', ')})`, '< 500 ms (cold-start target)', median(answer) < 500);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
