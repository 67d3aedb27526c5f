import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DIST, spawnServer } from '../property/support/lspClient';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = path.join(ROOT, 'examples');

/**
 * Loaded with `node -r` before the CLI or the server: every way out of the machine throws
 * ECONNREFUSED and is written to a log, so a test can assert that nothing even tried.
 */
const PRELOAD = `'use strict';
const fs = require('fs');
const log = process.env.CG_OFFLINE_LOG;
function refuse(what) {
  return function () {
    try { fs.appendFileSync(log, what + '\\n'); } catch (e) { /* the log is best effort */ }
    const err = new Error('offline test: ' + what + ' refused');
    err.code = 'ECONNREFUSED';
    throw err;
  };
}
const net = require('net');
net.connect = net.createConnection = refuse('net.connect');
net.Socket.prototype.connect = refuse('net.Socket.prototype.connect');
const dns = require('dns');
for (const k of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveTxt', 'resolveSrv']) {
  dns[k] = refuse('dns.' + k);
  if (dns.promises && dns.promises[k]) dns.promises[k] = refuse('dns.promises.' + k);
}
for (const m of ['http', 'https']) {
  const mod = require(m);
  mod.request = refuse(m + '.request');
  mod.get = refuse(m + '.get');
}
require('http2').connect = refuse('http2.connect');
require('tls').connect = refuse('tls.connect');
require('dgram').createSocket = refuse('dgram.createSocket');
globalThis.fetch = refuse('fetch');
globalThis.WebSocket = refuse('WebSocket');
`;

describe('offline: nothing leaves the machine', function () {
  this.timeout(60_000);
  let tmp: string;
  let preload: string;
  let log: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-offline-'));
    preload = path.join(tmp, 'refuse-network.js');
    log = path.join(tmp, 'attempts.log');
    fs.writeFileSync(preload, PRELOAD);
  });
  beforeEach(() => fs.writeFileSync(log, ''));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const attempts = () => fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);

  it('the preload really refuses connections (control)', () => {
    const r = spawnSync(process.execPath, ['-r', preload, '-e', "require('https').get('https://example.com')"], { encoding: 'utf8', env: { ...process.env, CG_OFFLINE_LOG: log } });
    assert.notStrictEqual(r.status, 0);
    assert.match(r.stderr, /offline test: https\.get refused/);
    assert.deepStrictEqual(attempts(), ['https.get']);
  });

  it('the CLI lints examples/ fully with every outbound socket refused', () => {
    assert.ok(fs.existsSync(EXAMPLES), 'examples/ is missing');
    const r = spawnSync(process.execPath, ['-r', preload, path.join(DIST, 'cli.js'), 'lint', EXAMPLES, '--format', 'json', '--fail-on', 'never'], {
      encoding: 'utf8',
      env: { ...process.env, CG_OFFLINE_LOG: log },
      maxBuffer: 64 << 20,
    });
    assert.strictEqual(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { files: { path: string; findings: { rule: string }[] }[] };
    const expected = listJson(EXAMPLES).length;
    assert.ok(out.files.length >= expected - 1 && out.files.length > 5, `${out.files.length} files linted, ${expected} JSON files in examples/`);
    assert.ok(out.files.some((f) => f.findings.length > 0), 'no findings at all: the rules did not run');
    assert.ok(!out.files.some((f) => f.findings.some((x) => x.rule === 'internal-error')), 'a rule failed offline');
    assert.deepStrictEqual(attempts(), []);
  });

  it('the CLI rules command and SARIF output work offline', () => {
    const env = { ...process.env, CG_OFFLINE_LOG: log };
    const rules = spawnSync(process.execPath, ['-r', preload, path.join(DIST, 'cli.js'), 'rules'], { encoding: 'utf8', env });
    assert.strictEqual(rules.status, 0, rules.stderr);
    const sarif = spawnSync(process.execPath, ['-r', preload, path.join(DIST, 'cli.js'), 'lint', EXAMPLES, '--format', 'sarif', '--fail-on', 'never'], { encoding: 'utf8', env, maxBuffer: 64 << 20 });
    assert.strictEqual(sarif.status, 0, sarif.stderr);
    assert.strictEqual(JSON.parse(sarif.stdout).version, '2.1.0');
    assert.deepStrictEqual(attempts(), []);
  });

  it('the language server initializes, scans and publishes diagnostics with every outbound socket refused', async () => {
    const server = spawnServer(['-r', preload], { ...process.env, CG_OFFLINE_LOG: log });
    try {
      await server.initialize(pathToFileURL(EXAMPLES).toString());
      const uri = 'file:///offline/check.identity.json';
      const pending = server.waitFor(uri);
      await server.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: '{"Statement":[{"Effect":"Allow","Action":"connect:*","Resource":"*"}]}' } });
      const diagnostics = await pending;
      assert.ok(diagnostics.some((d) => d.code === 'missing-version'), JSON.stringify(diagnostics));
      const hover = await server.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 45 } });
      void hover;
    } finally {
      await server.stop();
    }
    assert.deepStrictEqual(attempts(), [], server.stderr.join(''));
  });

  describe('the bundles contain no HTTP client', () => {
    /**
     * Built-ins each bundle may load, with the bundled module that loads it. Anything else
     * that can open a connection (http, https, http2, tls, dgram, dns, fetch, XMLHttpRequest,
     * WebSocket) fails the test wherever it appears.
     */
    const ALLOWED: Record<string, Record<string, string[]>> = {
      'cli.js': {},
      'server.js': {
        // Socket and named-pipe transports, used only when the client starts the server with --socket or --pipe; ours uses stdio/IPC.
        net: ['node_modules/vscode-jsonrpc/lib/node/main.js'],
        // resolveGlobalNodePath: runs `npm config get prefix` when a server asks for global modules; ours never does.
        child_process: ['node_modules/vscode-languageserver/lib/node/files.js'],
      },
      'extension.js': {
        net: ['node_modules/vscode-jsonrpc/lib/node/main.js'],
        // The client starts the server process (main.js) and kills its process tree on Windows (processes.js: taskkill).
        child_process: ['node_modules/vscode-languageclient/lib/node/main.js', 'node_modules/vscode-languageclient/lib/node/processes.js'],
      },
    };
    const NETWORK_MODULES = new Set(['net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'child_process', 'undici']);
    const FORBIDDEN_TEXT = [/\bfetch\s*\(/, /\bXMLHttpRequest\b/, /\bWebSocket\b/, /\bEventSource\b/, /navigator\.sendBeacon/];

    for (const bundle of Object.keys(ALLOWED)) {
      it(`dist/${bundle}`, () => {
        const file = path.join(DIST, bundle);
        assert.ok(fs.existsSync(file), `${file} is missing: run npm run build`);
        const lines = fs.readFileSync(file, 'utf8').split('\n');
        // Development bundles mark each bundled module with a "// node_modules/..." line, so a
        // require is attributed to its module; a minified (--production) bundle has no such
        // lines, and then each allowed built-in may appear at most as often as it is allowed.
        const attributed = lines.some((l) => /^\/\/ node_modules\//.test(l));
        let module = '(bundle entry)';
        const found: string[] = [];
        const counts = new Map<string, number>();
        lines.forEach((line, i) => {
          const banner = /^\/\/ ((?:node_modules|server|client)\/\S+)$/.exec(line);
          if (banner) module = banner[1];
          for (const m of line.matchAll(/require\("(?:node:)?([a-z0-9_/]+)"\)/g)) {
            const name = m[1].split('/')[0];
            if (!NETWORK_MODULES.has(name)) continue;
            counts.set(name, (counts.get(name) ?? 0) + 1);
            const allowed = ALLOWED[bundle][name] ?? [];
            if (attributed ? !allowed.includes(module) : counts.get(name)! > allowed.length) found.push(`${bundle}:${i + 1} require("${m[1]}")${attributed ? ` in ${module}` : ''}`);
          }
          for (const re of FORBIDDEN_TEXT) if (re.test(line)) found.push(`${bundle}:${i + 1} ${re.source}${attributed ? ` in ${module}` : ''}`);
        });
        assert.deepStrictEqual(found, []);
      });
    }
  });
});

function listJson(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listJson(p));
    else if (/\.(json|jsonl|json\.gz)$/.test(e.name) && e.name !== '.connectguard.json') out.push(p);
  }
  return out;
}
