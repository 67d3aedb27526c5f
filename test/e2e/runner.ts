// The editor-test harness: starts code-server with the packaged extension under
// development, opens the workbench in headless chromium with a payload that runs the
// mocha suite in the real extension host, answers the suite's requests for checks in the
// page, and exits non-zero on any failure or timeout. Everything it starts is stopped and
// everything it writes is deleted, but for the screenshots and .e2e/artifacts/.
//
//   node out/test/e2e/runner.js [--vsix FILE] [--screenshots DIR] [--timeout SECONDS]
import * as fs from 'fs';
import * as path from 'path';
import { chromium, Browser, Page } from 'playwright-core';
import { CodeServer, hostPaths, sandboxEnv, startCodeServer } from './codeServer';
import { runUiCheck } from './browserChecks';
import { artifactsDir, crossCheck, defaultVsix, prepareSandbox, repoRoot, Sandbox } from './prepare';
import { OUTPUT_MARKER, UiRequest, UI_MARKER } from './protocol';

interface Options {
  vsix: string;
  screenshots?: string;
  timeoutMs: number;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { vsix: defaultVsix(), timeoutMs: 150_000 };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--vsix' && value) opts.vsix = path.resolve(argv[++i]);
    else if (argv[i] === '--screenshots' && value) opts.screenshots = path.resolve(argv[++i]);
    else if (argv[i] === '--timeout' && value) opts.timeoutMs = Number(argv[++i]) * 1000;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return opts;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

function say(msg: string): void {
  console.log(`e2e: ${msg}`);
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  let sandbox: Sandbox | undefined;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    sandbox?.remove();
  };
  const onSignal = () => void cleanup().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    sandbox = prepareSandbox(opts.vsix);
    const screenshotDir = opts.screenshots ?? path.join(sandbox.dir, 'screenshots');
    fs.mkdirSync(screenshotDir, { recursive: true });
    const uiDir = path.join(sandbox.dir, 'ui');
    fs.mkdirSync(uiDir);

    server = await startCodeServer({
      sandbox: path.join(sandbox.dir, 'code-server'),
      workspace: sandbox.workspace,
      testDriver: true,
      env: { CONNECT_GUARD_E2E_RESULTS: sandbox.results, CONNECT_GUARD_E2E_UI_DIR: uiDir },
    });
    browser = await chromium.launch({
      executablePath: hostPaths().chromium,
      headless: true,
      args: CHROMIUM_ARGS,
      env: sandboxEnv(path.join(sandbox.dir, 'chromium')) as Record<string, string>,
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });

    let settle: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (settle = resolve));
    const uiQueue: Promise<void>[] = [];
    // The workbench's whole log goes to a file; only the suite's report is printed.
    const workbenchLog = path.join(artifactsDir(), 'workbench.log');
    fs.writeFileSync(workbenchLog, '');
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      fs.appendFileSync(workbenchLog, `[${type}] ${text}\n`);
      for (const line of text.split('\n')) {
        if (line.startsWith(OUTPUT_MARKER)) process.stdout.write(`${line.slice(OUTPUT_MARKER.length)}\n`);
        else if (line.startsWith(UI_MARKER)) uiQueue.push(answerUi(page, JSON.parse(line.slice(UI_MARKER.length)) as UiRequest, screenshotDir, uiDir));
      }
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));

    const remote = (p: string) => `vscode-remote://127.0.0.1:${server!.port}${p.split(path.sep).join('/')}`;
    const payload = [
      ['extensionDevelopmentPath', remote(sandbox.extension)],
      ['extensionTestsPath', remote(path.join(__dirname, 'suite', 'index'))],
    ];
    say(`code-server ${server.origin}, extension from ${path.basename(opts.vsix)}`);
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(sandbox.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);

    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), opts.timeoutMs).unref());
    const outcome = await Promise.race([exited, timer]);
    await Promise.allSettled(uiQueue);
    const elapsed = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    if (outcome === 'timeout') {
      const shot = path.join(artifactsDir(), 'timeout.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      say(`FAILED: the suite did not finish within ${opts.timeoutMs / 1000} s (the page: ${path.relative(repoRoot, shot)}, the workbench's log: ${path.relative(repoRoot, workbenchLog)})`);
      return 1;
    }
    const verdict = crossCheck(outcome, sandbox.results);
    say(`${verdict.ok ? 'passed' : 'FAILED'}: ${verdict.message} (${elapsed})`);
    if (!verdict.ok) say(`code-server's output:\n${server.output().slice(-3000)}\nthe workbench's log: ${path.relative(repoRoot, workbenchLog)}`);
    if (opts.screenshots) say(`screenshots in ${path.relative(repoRoot, opts.screenshots)}: ${fs.readdirSync(opts.screenshots).filter((f) => f.endsWith('.png')).join(', ')}`);
    return verdict.ok ? 0 : 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await cleanup();
  }
}

async function answerUi(page: Page, req: UiRequest, screenshotDir: string, uiDir: string): Promise<void> {
  let answer: { ok: boolean; error?: string };
  try {
    await runUiCheck(page, req, screenshotDir);
    answer = { ok: true };
  } catch (e) {
    const shot = path.join(artifactsDir(), `ui-${req.step}-failure.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    answer = { ok: false, error: `${(e as Error).message.split('\n')[0]} (the page: ${path.relative(repoRoot, shot)})` };
  }
  fs.writeFileSync(path.join(uiDir, `${req.step}.json`), JSON.stringify(answer));
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`e2e: ${(e as Error).stack ?? e}`);
    process.exit(1);
  },
);
