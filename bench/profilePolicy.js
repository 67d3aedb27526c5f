#!/usr/bin/env node
'use strict';
// Lints the policy bench corpus several times so that `node --cpu-prof bench/profilePolicy.js`
// gives a steady-state profile of policy linting (warm caches, as in the editor).
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profilePolicy.js [passes]
const path = require('path');
const engine = require(path.join(__dirname, '..', 'out', 'server', 'src', 'engine'));
const { generatePolicies } = require('./policyCorpus');

const passes = Number(process.argv[2] ?? 8);
const texts = generatePolicies(engine.loadIamData(), 2000);
for (const t of texts.slice(0, 200)) engine.lint(t, { kind: 'identity' });
let findings = 0;
const times = [];
for (let p = 0; p < passes; p++) {
  const t0 = performance.now();
  for (const t of texts) findings += engine.lint(t, { kind: 'identity' }).findings.length;
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`${passes} passes, ${findings / passes} findings a pass, ms a pass: fastest ${times[0].toFixed(0)}, median ${times[times.length >> 1].toFixed(0)}`);
