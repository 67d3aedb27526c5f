// Asks the harness (outside the editor) to check what the page shows, and waits for its
// answer in a file. Only the browser harness can answer, so UI tests are registered only
// when it set CONNECT_GUARD_E2E_UI_DIR (not under `npm run test:desktop`).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { UiRequest, UI_MARKER } from '../protocol';

export const uiDir = process.env.CONNECT_GUARD_E2E_UI_DIR;

export async function expectInPage(req: UiRequest): Promise<void> {
  if (!uiDir) throw new Error('no browser harness');
  const answer = path.join(uiDir, `${req.step}.json`);
  fs.rmSync(answer, { force: true });
  console.log(`${UI_MARKER}${JSON.stringify(req)}`);
  const deadline = Date.now() + 25_000;
  while (!fs.existsSync(answer)) {
    if (Date.now() > deadline) throw new Error(`the harness did not answer the ${req.step} check`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const result = JSON.parse(fs.readFileSync(answer, 'utf8')) as { ok: boolean; error?: string };
  assert.ok(result.ok, `${req.step}: ${result.error}`);
}
