import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { startClient, TestClient, rangeIn } from './harness';

const POLICY_NO_VERSION = '{\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" }]\n}\n';
const CLEAN = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" }]\n}\n';

describe('protocol: workspace scan, file events, settings', function () {
  this.timeout(30000);
  let dir: string;
  let c: TestClient;
  const uriOf = (rel: string) => pathToFileURL(path.join(dir, rel)).href;
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  const watched = (changes: { rel: string; type: 1 | 2 | 3 }[]) =>
    void c.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map((x) => ({ uri: uriOf(x.rel), type: x.type })) });

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-protocol-'));
    write('policies/dev.identity.json', POLICY_NO_VERSION);
    write('policies/clean.identity.json', CLEAN);
    write('package.json', '{ "name": "x", "version": "1.0.0", "Statement": [] }');
    write('node_modules/dep/bad.identity.json', POLICY_NO_VERSION);
    write('data/records.json', '[1, 2, 3]');
    c = await startClient(pathToFileURL(dir).href);
  });
  after(async () => {
    await c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('scans the workspace on startup: files that are not open get diagnostics, with progress', async () => {
    const ds = await c.diagnosticsNowOrNext(uriOf('policies/dev.identity.json'));
    assert.deepStrictEqual(ds.map((d) => [d.code, d.range]), [['missing-version', rangeIn(POLICY_NO_VERSION, '{')]]);
    const kinds = () => c.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    await c.until('the scan progress to end', () => kinds().includes('end'));
    assert.strictEqual(kinds()[0], 'begin');
    assert.strictEqual(kinds()[kinds().length - 1], 'end');
  });
  it('publishes nothing for excluded, clean or unrelated files', async () => {
    await c.rpc.sendRequest('connectGuard/scanWorkspace', {});
    const published = new Set(c.published.map((p) => p.uri));
    assert.ok(!published.has(uriOf('package.json')));
    assert.ok(!published.has(uriOf('node_modules/dep/bad.identity.json')));
    assert.ok(!published.has(uriOf('data/records.json')));
    assert.ok(!published.has(uriOf('policies/clean.identity.json')));
  });

  it('the scan command reports counts', async () => {
    const r: { files: number; findings: number; skipped: number } = await c.rpc.sendRequest('connectGuard/scanWorkspace', {});
    // dev.identity.json, clean.identity.json, records.json (gated out, still read); package.json and node_modules excluded.
    assert.deepStrictEqual(r, { files: 3, findings: 1, skipped: 0 });
  });

  it('a file created on disk is linted when the file watcher reports it; deleting it clears its diagnostics', async () => {
    write('guardrails/new.scp.json', '{"Statement": [{"Effect": "Deny", "Action": "connect:DeleteInstance", "Resource": "*"}]}');
    watched([{ rel: 'guardrails/new.scp.json', type: 1 }]);
    const ds = await c.waitForDiagnostics(uriOf('guardrails/new.scp.json'));
    assert.deepStrictEqual(ds.map((d) => d.code), ['missing-version']);
    fs.rmSync(path.join(dir, 'guardrails/new.scp.json'));
    watched([{ rel: 'guardrails/new.scp.json', type: 3 }]);
    assert.deepStrictEqual(await c.waitForDiagnostics(uriOf('guardrails/new.scp.json')), []);
  });

  it('settings are read per resource; turning a rule off clears its findings', async () => {
    assert.ok(c.configurationRequests.some((r) => r.section === 'connectGuard' && r.scopeUri === pathToFileURL(dir).href));
    c.settings.set('', { rules: { 'missing-version': 'off' } });
    void c.rpc.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepStrictEqual(await c.waitForDiagnostics(uriOf('policies/dev.identity.json')), []);
    c.settings.set('', { rules: { 'missing-version': 'error' } });
    void c.rpc.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const ds = await c.waitForDiagnostics(uriOf('policies/dev.identity.json'), (d) => d.length > 0);
    assert.deepStrictEqual(ds.map((d) => [d.code, d.severity]), [['missing-version', 1]]);
    c.settings.set('', {});
    void c.rpc.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await c.waitForDiagnostics(uriOf('policies/dev.identity.json'), (d) => d.length === 1 && d[0].severity === 2);
  });

  it('.connectguard.json is honoured and watched: ignore globs and rule severities apply after a change', async () => {
    write('.connectguard.json', '{ "ignore": ["policies/dev.identity.json"] }');
    watched([{ rel: '.connectguard.json', type: 1 }]);
    assert.deepStrictEqual(await c.waitForDiagnostics(uriOf('policies/dev.identity.json')), []);
    write('.connectguard.json', '{ "rules": { "missing-version": "hint" } }');
    watched([{ rel: '.connectguard.json', type: 2 }]);
    const ds = await c.waitForDiagnostics(uriOf('policies/dev.identity.json'), (d) => d.length > 0);
    assert.deepStrictEqual(ds.map((d) => [d.code, d.severity]), [['missing-version', 4]]);
    fs.rmSync(path.join(dir, '.connectguard.json'));
    watched([{ rel: '.connectguard.json', type: 3 }]);
    await c.waitForDiagnostics(uriOf('policies/dev.identity.json'), (d) => d.length === 1 && d[0].severity === 2);
  });

  it('an invalid .connectguard.json, opened, gets one error saying it is not applied', async () => {
    const uri = uriOf('.connectguard.json');
    c.open(uri, '{ "rulez": {} }');
    const ds = await c.waitForDiagnostics(uri);
    assert.strictEqual(ds.length, 1);
    assert.match(String(ds[0].message), /unknown setting "rulez".*ignores this file until it is fixed/);
    void c.rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('a cancelled scan stops early and answers RequestCancelled; the server keeps serving', async () => {
    for (let i = 0; i < 400; i++) write(`many/p${String(i).padStart(3, '0')}.identity.json`, POLICY_NO_VERSION);
    const { CancellationTokenSource } = await import('vscode-jsonrpc/node');
    const source = new CancellationTokenSource();
    const before = c.published.length;
    const pending = c.rpc.sendRequest('connectGuard/scanWorkspace', {}, source.token);
    setTimeout(() => source.cancel(), 30);
    await assert.rejects(pending, (e: { code?: number }) => e.code === -32800);
    const scanned = new Set(c.published.slice(before).map((p) => p.uri).filter((u) => u.includes('/many/')));
    assert.ok(scanned.size < 400, `the scan went on after cancellation (${scanned.size} files)`);
    const r: { files: number } = await c.rpc.sendRequest('connectGuard/scanWorkspace', {});
    assert.strictEqual(r.files, 403);
    fs.rmSync(path.join(dir, 'many'), { recursive: true });
    await c.rpc.sendRequest('connectGuard/scanWorkspace', {});
  });

  it('an open document owns its diagnostics; closing it hands the file back to the scan', async () => {
    const uri = uriOf('policies/dev.identity.json');
    c.open(uri, CLEAN);
    await c.waitForDiagnostics(uri, (d) => d.length === 0);
    void c.rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const ds = await c.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepStrictEqual(ds.map((d) => d.code), ['missing-version']);
  });
});
