#!/usr/bin/env node
// `npm run package`: production bundles, then connect-guard-<version>.vsix with vsce
// (or the file given with --out).
// What goes in is decided by .vscodeignore (an allow-list); test/unit/package.test.ts
// checks the exact file list. Dependencies are bundled by esbuild, so vsce is told not
// to walk node_modules.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const outAt = process.argv.indexOf('--out');
const vsix = outAt > 0 ? path.resolve(process.argv[outAt + 1]) : path.join(root, `${pkg.name}-${pkg.version}.vsix`);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`package: ${path.basename(cmd)} ${args.join(' ')} failed`);
    process.exit(1);
  }
}

// Source maps from a development build must not linger beside the minified bundles.
for (const f of fs.existsSync(path.join(root, 'dist')) ? fs.readdirSync(path.join(root, 'dist')) : []) {
  if (f.endsWith('.map')) fs.rmSync(path.join(root, 'dist', f));
}
run(process.execPath, [path.join(root, 'scripts', 'build.js'), '--production']);
const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix]);
console.log(`package: ${path.basename(vsix)} ${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB`);
