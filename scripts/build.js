#!/usr/bin/env node
// Bundles the CLI, the language server and the VS Code client with esbuild into dist/,
// and places the IAM index beside them. `vscode` stays external (the editor provides it).
'use strict';
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));
const dist = path.join(root, 'dist');
const production = process.argv.includes('--production');

const entries = [
  { in: 'server/src/cli/bin.ts', out: 'cli.js', },
  { in: 'server/src/server.ts', out: 'server.js' },
  { in: 'client/src/extension.ts', out: 'extension.js' },
];

async function main() {
  fs.mkdirSync(dist, { recursive: true });
  const index = path.join(root, 'server', 'data', 'iam-index.json');
  if (!fs.existsSync(index)) require('./build-iam-index.js');
  fs.copyFileSync(index, path.join(dist, 'iam-index.json'));
  for (const e of entries) {
    if (!fs.existsSync(path.join(root, e.in))) continue;
    await esbuild.build({
      entryPoints: [path.join(root, e.in)],
      outfile: path.join(dist, e.out),
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      external: ['vscode'],
      // jsonc-parser's UMD build uses dynamic requires esbuild cannot follow; take its ESM build.
      mainFields: ['module', 'main'],
      sourcemap: !production,
      minify: production,
      legalComments: 'linked',
      banner: e.banner ? { js: e.banner } : undefined,
      define: { __CONNECT_GUARD_VERSION__: JSON.stringify(pkg.version) },
      logLevel: 'warning',
    });
  }
  fs.chmodSync(path.join(dist, 'cli.js'), 0o755);
  const sizes = fs.readdirSync(dist).filter((f) => f.endsWith('.js') || f.endsWith('.json')).map((f) => `${f} ${(fs.statSync(path.join(dist, f)).size / 1024).toFixed(0)} KiB`);
  console.log(`built: ${sizes.join(', ')}`);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
