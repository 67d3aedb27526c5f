#!/usr/bin/env node
'use strict';
// `npm run bench`: one run, one table. Medians of several runs. Writes bench/results.json.
// Sections: policy throughput, editor latency, CloudTrail scale, start-up (bundle sizes,
// extension activation in the editor). Sections whose prerequisites are missing say so
// instead of silently passing.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');

const root = path.join(__dirname, '..');
const engine = require(path.join(root, 'out', 'server', 'src', 'engine'));
const { generatePolicies } = require('./policyCorpus');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 5;
const rows = [];
const results = { machine: machine(), date: new Date().toISOString(), sections: {} };

function machine() {
  return { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

function row(section, metric, value, target, ok) {
  rows.push({ section, metric, value, target: target ?? '', status: ok === undefined ? '' : ok ? 'met' : 'MISSED' });
}

function policyThroughput() {
  const iam = engine.loadIamData();
  const texts = generatePolicies(iam, 2000);
  const bytes = texts.reduce((n, t) => n + t.length, 0);
  // Warm-up: first-use caches (action expansion, key patterns) are part of the steady state in an editor.
  for (const t of texts.slice(0, 200)) engine.lint(t, { kind: 'identity' });
  const lintTimes = [];
  const parseTimes = [];
  let findings = 0;
  for (let run = 0; run < RUNS; run++) {
    let t0 = performance.now();
    for (const t of texts) JSON.parse(t);
    parseTimes.push(performance.now() - t0);
    t0 = performance.now();
    findings = 0;
    for (const t of texts) findings += engine.lint(t, { kind: 'identity' }).findings.length;
    lintTimes.push(performance.now() - t0);
  }
  const lintMs = median(lintTimes);
  const parseMs = median(parseTimes);
  const perSec = (texts.length / lintMs) * 1000;
  const ratio = lintMs / parseMs;
  results.sections.policy = { policies: texts.length, bytes, lintMs, parseMs, perSec, ratio, findings, rules: engine.RULES.length };
  row('policy', `lint ${texts.length} policies (${(bytes / 1e6).toFixed(1)} MB, ${engine.RULES.length} rules)`, `${lintMs.toFixed(0)} ms`);
  row('policy', 'throughput', `${perSec.toFixed(0)} policies/s`, '>= 1,000/s', perSec >= 1000);
  row('policy', 'ratio to JSON.parse floor', `${ratio.toFixed(1)}x (parse ${parseMs.toFixed(1)} ms)`, '<= 10x', ratio <= 10);
  // The parse an editor linter needs (offsets, tolerant of errors): jsonc-parser's tree.
  const { parseTree } = require('jsonc-parser');
  const treeTimes = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    for (const t of texts) parseTree(t, [], { allowTrailingComma: true });
    treeTimes.push(performance.now() - t0);
  }
  const treeMs = median(treeTimes);
  results.sections.policy.jsoncTreeMs = treeMs;
  row('policy', 'jsonc-parser syntax tree of the same texts (offsets, error-tolerant; the parse under the lint)', `${treeMs.toFixed(1)} ms = ${(treeMs / parseMs).toFixed(1)}x JSON.parse; the full lint is ${(lintMs / treeMs).toFixed(1)}x that`);
  peerSchemaValidation(texts, lintMs);
}

// A peer for scale: a compiled JSON Schema validator (Ajv, the fastest common one) checking
// the same texts against connect-guard's own identity-policy schema: JSON.parse plus the
// grammar only, without ranges, the IAM catalogue or any least-privilege rule. (The IAM
// linters users know, such as Parliament, are Python and cannot be installed here.)
function peerSchemaValidation(texts, lintMs) {
  let Ajv;
  try {
    Ajv = require('ajv').default;
  } catch {
    row('policy', 'peer: JSON Schema validation (Ajv)', 'not measured: ajv is a devDependency; run `npm ci`');
    return;
  }
  const ajv = new Ajv({ allErrors: true, strict: false });
  const dir = path.join(root, 'schemas');
  for (const f of fs.readdirSync(dir)) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  const validate = ajv.getSchema('https://connect-guard.github.io/schemas/identity-policy.schema.json');
  let invalid = 0;
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    invalid = 0;
    for (const t of texts) if (!validate(JSON.parse(t))) invalid++;
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  results.sections.policy.peerAjvMs = ms;
  row('policy', `peer: JSON.parse + Ajv against schemas/identity-policy.schema.json (grammar only; ${invalid} of ${texts.length} invalid)`, `${ms.toFixed(1)} ms; connect-guard's full lint is ${(lintMs / ms).toFixed(1)}x that`);
}

function bundleSizes() {
  const dist = path.join(root, 'dist');
  const sizes = {};
  for (const f of ['cli.js', 'server.js', 'extension.js', 'iam-index.json']) {
    const p = path.join(dist, f);
    if (fs.existsSync(p)) sizes[f] = fs.statSync(p).size;
  }
  results.sections.bundles = sizes;
  row('start-up', 'bundle sizes', Object.entries(sizes).map(([f, s]) => `${f} ${(s / 1024).toFixed(0)} KiB`).join(', '));
}

// `--only=policy,editor,cloudtrail,bundles,activation` runs a subset (and does not overwrite results.json).
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const sections = [];
const want = (name) => !only || only.includes(name);
if (want('policy')) sections.push(policyThroughput);
for (const [name, extra] of [['editor', 'editorLatency'], ['cloudtrail', 'cloudtrailScale']]) {
  if (!want(name)) continue;
  const p = path.join(__dirname, `${extra}.js`);
  if (fs.existsSync(p)) sections.push(() => require(p).run({ engine, row, results, median, RUNS, quick, root }));
  else sections.push(() => row(extra, 'not measured', `bench/${extra}.js missing`));
}
if (want('bundles')) sections.push(bundleSizes);
// Last: packaging the .vsix rebuilds dist/ for production, which the sections above measure as built.
if (want('activation')) sections.push(() => require('./activation').run({ row, results, median, root }));

(async () => {
  for (const s of sections) await s();
  const table = ['| section | metric | value | target | status |', '| --- | --- | --- | --- | --- |', ...rows.map((r) => `| ${r.section} | ${r.metric} | ${r.value} | ${r.target} | ${r.status} |`)].join('\n');
  const m = results.machine;
  process.stdout.write(`connect-guard benchmarks on ${m.cpus} x ${m.model}, ${m.memGiB} GiB, Node ${m.node}\n\n${table}\n`);
  results.table = table;
  if (!only) fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
