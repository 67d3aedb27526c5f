#!/usr/bin/env node
'use strict';
// Canonical dump of every finding for a fixed set of documents, to show that a speed-up
// changes no behaviour: run it before and after a change and compare the files byte for
// byte (`cmp`). Documents: the 2,000-policy bench corpus and every file under examples/,
// each linted as every policy kind (and once with the kind left to the engine), plus every
// rule's documented bad/good example. Needs `npm run build` first.
//   node bench/findingsDigest.js /tmp/perf-baseline.json
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const engine = require(path.join(root, 'out', 'server', 'src', 'engine'));
const { generatePolicies } = require('./policyCorpus');

const out = process.argv[2];
if (!out) {
  console.error('usage: node bench/findingsDigest.js <output file outside the repo>');
  process.exit(2);
}

function filesUnder(dir) {
  const found = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) found.push(...filesUnder(p));
    else found.push(p);
  }
  return found;
}

function canonical(f) {
  return {
    rule: f.rule,
    offset: f.offset,
    length: f.length,
    severity: f.severity,
    message: f.message,
    fixes: (f.fixes ?? []).map((x) => ({ title: x.title, preferred: !!x.preferred, edits: x.edits.map((e) => [e.offset, e.length, e.content]) })),
    related: (f.related ?? []).map((r) => [r.offset, r.length, r.message]),
    data: f.data ? Object.keys(f.data).sort().map((k) => [k, f.data[k]]) : [],
  };
}

const lines = [];
let findings = 0;
function record(name, text, options) {
  const r = engine.lint(text, options);
  findings += r.findings.length;
  lines.push(JSON.stringify({ name, kind: r.kind, kindSource: r.kindSource, findings: r.findings.map(canonical) }));
}

const iam = engine.loadIamData();
const corpus = generatePolicies(iam, 2000);
const examples = filesUnder(path.join(root, 'examples')).filter((p) => /\.json$/.test(p));
const t0 = Date.now();
for (const kind of engine.POLICY_KINDS) {
  corpus.forEach((text, i) => record(`corpus/${i}`, text, { kind }));
  for (const p of examples) record(path.relative(root, p), fs.readFileSync(p, 'utf8'), { kind });
}
for (const p of examples) record(path.relative(root, p), fs.readFileSync(p, 'utf8'), { fileName: p });
corpus.forEach((text, i) => record(`corpus/${i}`, text, {}));
for (const rule of engine.RULES) {
  for (const which of ['bad', 'good']) {
    const text = rule.docs[which];
    for (const kind of rule.kinds) record(`docs/${rule.name}/${which}`, text, { kind });
  }
}
fs.writeFileSync(out, lines.join('\n') + '\n');
const sha = crypto.createHash('sha256').update(fs.readFileSync(out)).digest('hex');
console.log(`${lines.length} lint runs, ${findings} findings, ${((Date.now() - t0) / 1000).toFixed(1)} s -> ${out} sha256 ${sha}`);
