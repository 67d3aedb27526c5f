import * as assert from 'assert';
import * as fs from 'fs';
import { extension, manifest, open, waitFor } from './helpers';
import type { ExtensionApi, StartupTimings } from '../../../client/src/startupTimings';

describe('activation', () => {
  it('is narrow: no "*" and no startup activation', () => {
    const events = manifest().activationEvents ?? [];
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), `activationEvents: ${JSON.stringify(events)}`);
  });

  it('activates when a policy file is opened', async () => {
    await open('policies/developer.identity.json');
    await waitFor('the extension to activate', () => extension().isActive, 20_000);
  });

  // `npm run bench` runs this test alone (CONNECT_GUARD_E2E_GREP) in a fresh editor and
  // reads the file it writes (CONNECT_GUARD_TIMINGS_FILE). Checked here: present and in
  // the order start-up happens in; not how fast.
  it('reports its start-up timings', async () => {
    await open('policies/developer.identity.json');
    await waitFor('the extension to activate', () => extension().isActive, 20_000);
    const timings = (extension().exports as ExtensionApi | undefined)?.timings;
    assert.ok(timings, `exports: ${JSON.stringify(extension().exports)}`);
    await waitFor('first diagnostics for the open policy', () => timings.firstDiagnostics !== undefined, 20_000);
    const t = { ...timings } as Required<StartupTimings>;
    for (const key of ['activateCalled', 'clientStarting', 'serverReady', 'activated', 'firstDiagnostics', 'firstDiagnosticsOpened'] as const) {
      assert.ok(typeof t[key] === 'number' && Number.isFinite(t[key]) && t[key] >= 0, `${key}: ${JSON.stringify(t)}`);
    }
    // activate() sets up, then waits for the server; diagnostics come from a running server.
    assert.ok(t.activateCalled <= t.clientStarting, `set-up ended before activate() was called: ${JSON.stringify(t)}`);
    assert.ok(t.clientStarting <= t.serverReady, `server ready before it was started: ${JSON.stringify(t)}`);
    assert.ok(t.serverReady <= t.activated, `server ready after activate() ended: ${JSON.stringify(t)}`);
    assert.ok(t.firstDiagnostics >= t.serverReady, `diagnostics before the server was ready: ${JSON.stringify(t)}`);
    assert.ok(t.firstDiagnosticsOpened <= t.firstDiagnostics, `diagnostics before the document was opened: ${JSON.stringify(t)}`);
    const out = process.env.CONNECT_GUARD_TIMINGS_FILE;
    if (out) fs.writeFileSync(out, JSON.stringify(t, null, 2) + '\n');
  });
});
