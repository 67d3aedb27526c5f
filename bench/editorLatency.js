'use strict';
// Editor latency through the real bundled server over JSON-RPC (out/test/protocol/harness.js
// spawns dist/server.js): cold start to first diagnostics, didChange -> diagnostics for a
// 6 KB policy (debounce set to 0 and reported separately), and how long a 20 MB CloudTrail
// log being analysed can delay another document's diagnostics.
const fs = require('fs');
const path = require('path');
const { performance } = require('perf_hooks');

exports.run = async ({ row, results, root, quick }) => {
  process.env.CONNECT_GUARD_DEBOUNCE_MS = '0';
  const { startClient } = require(path.join(root, 'out', 'test', 'protocol', 'harness.js'));
  const { generatePolicies } = require('./policyCorpus');
  const engine = require(path.join(root, 'out', 'server', 'src', 'engine'));
  const texts = generatePolicies(engine.loadIamData(), 400);
  const policy = texts.reduce((best, t) => (Math.abs(t.length - 6144) < Math.abs(best.length - 6144) ? t : best));
  const uri = 'file:///bench/edited.identity.json';

  const t0 = performance.now();
  const client = await startClient(null, {});
  client.open(uri, policy, 1);
  await client.waitForDiagnostics(uri, () => true, 20000);
  const coldMs = performance.now() - t0;
  row('start-up', 'server cold start to first diagnostics (spawn, initialize, 6 KB policy)', `${coldMs.toFixed(0)} ms`, '< 500 ms', coldMs < 500);

  const edits = quick ? 60 : 200;
  const lat = [];
  for (let v = 2; v < edits + 2; v++) {
    const text = policy.replace('"Version"', `"Version"${' '.repeat(v % 7)}`);
    const t = performance.now();
    const waiting = client.waitForDiagnostics(uri, () => true, 20000);
    client.change(uri, v, text);
    await waiting;
    lat.push(performance.now() - t);
  }
  lat.sort((a, b) => a - b);
  const p50 = lat[Math.floor(lat.length * 0.5)];
  const p99 = lat[Math.min(lat.length - 1, Math.floor(lat.length * 0.99))];
  row('editor', `didChange -> diagnostics, ${(policy.length / 1024).toFixed(1)} KB policy, ${edits} edits (debounce 0; the editor adds a 150 ms typing pause)`, `p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`, 'p99 < 20 ms', p99 < 20);

  // A 20 MB log opened; meanwhile the small policy is edited: how late are its diagnostics?
  const { writeLog } = require('./trailCorpus');
  const tmp = path.join(__dirname, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const logFile = path.join(tmp, 'trail-20mb.json');
  writeLog(fs, logFile, 16000);
  const logText = fs.readFileSync(logFile, 'utf8');
  await client.rpc.sendRequest('connectGuard/stats', { reset: true });
  const logUri = 'file:///bench/big.cloudtrail.json';
  const logDone = client.waitForDiagnostics(logUri, () => true, 120000);
  const tLog = performance.now();
  client.open(logUri, logText, 1);
  const during = [];
  for (let v = 1000; v < 1040; v++) {
    const t = performance.now();
    const waiting = client.waitForDiagnostics(uri, () => true, 20000);
    client.change(uri, v, policy.replace('"Version"', `"Version"${' '.repeat(v % 5)}`));
    await waiting;
    during.push(performance.now() - t);
  }
  await logDone;
  const logMs = performance.now() - tLog;
  const stats = await client.rpc.sendRequest('connectGuard/stats', {});
  const worst = Math.max(...during);
  row('editor', `${(logText.length / 1e6).toFixed(0)} MB log being analysed (${(logMs / 1000).toFixed(1)} s): other document's diagnostics, worst of 40 edits`, `${worst.toFixed(0)} ms; server event-loop max delay ${stats.maxEventLoopDelayMs.toFixed(0)} ms`, '< 100 ms', worst < 100 && stats.maxEventLoopDelayMs < 100);
  await client.close();
  results.sections.editor = { coldMs, p50, p99, edits, logBytes: logText.length, logMs, worstDuringLogMs: worst, maxEventLoopDelayMs: stats.maxEventLoopDelayMs };
};
