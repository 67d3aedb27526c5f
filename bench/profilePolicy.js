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
const cpu = [];
for (let p = 0; p < passes; p++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const t of texts) findings += engine.lint(t, { kind: 'identity' }).findings.length;
  const c = process.cpuUsage(c0);
  times.push(performance.now() - t0);
  cpu.push((c.user + c.system) / 1000);
}
// CPU time (all threads of the process, GC helpers included) varies less than wall time on a busy machine.
const mid = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`${passes} passes, ${findings / passes} findings a pass; a pass: wall fastest ${Math.min(...times).toFixed(0)} ms, median ${mid(times).toFixed(0)} ms; CPU median ${mid(cpu).toFixed(0)} ms`);
