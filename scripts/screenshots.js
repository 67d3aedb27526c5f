#!/usr/bin/env node
// `npm run screenshots`: regenerates docs/images/*.png for the README from a full run of
// the editor tests (the suite sets each scene up; the harness photographs it).
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const steps = [
  [process.execPath, ['scripts/e2e-setup.js']],
  [path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.']],
  [process.execPath, ['scripts/package.js']],
  [process.execPath, ['out/test/e2e/runner.js', '--screenshots', 'docs/images']],
];
for (const [cmd, args] of steps) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
