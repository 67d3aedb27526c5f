// `npm run test:desktop`: the same suite in desktop VS Code via @vscode/test-electron,
// for machines that can download VS Code (this one cannot; see test/e2e/README.md).
// The UI checks need the browser harness and are not registered here.
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { crossCheck, defaultVsix, prepareSandbox, repoRoot } from './prepare';

async function main(): Promise<number> {
  const sandbox = prepareSandbox(process.argv[2] ? path.resolve(process.argv[2]) : defaultVsix());
  try {
    const code = await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      cachePath: path.join(repoRoot, '.e2e', 'vscode'), // the download is kept, out of git
      extensionDevelopmentPath: sandbox.extension,
      extensionTestsPath: path.join(__dirname, 'suite', 'index'),
      extensionTestsEnv: { CONNECT_GUARD_E2E_RESULTS: sandbox.results },
      launchArgs: [
        sandbox.workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--user-data-dir', path.join(sandbox.dir, 'user-data'),
        '--extensions-dir', path.join(sandbox.dir, 'extensions'),
      ],
    }).catch((e: Error) => {
      console.error(`test:desktop: ${e.message}`);
      return 1;
    });
    const verdict = crossCheck(code, sandbox.results);
    console.log(`test:desktop: ${verdict.ok ? 'passed' : 'FAILED'}: ${verdict.message}`);
    return verdict.ok ? 0 : 1;
  } finally {
    sandbox.remove();
  }
}

main().then((code) => process.exit(code));
