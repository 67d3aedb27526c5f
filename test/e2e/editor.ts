// `npm run editor`: the examples/ workspace in the browser editor (code-server) with the
// packaged extension installed, as a user would have it. Prints the URL; Ctrl-C stops
// code-server and deletes its temporary profile.
//
//   node out/test/e2e/editor.js [FOLDER] [--port N]
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startCodeServer } from './codeServer';
import { defaultVsix, repoRoot } from './prepare';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portAt = args.indexOf('--port');
  const port = portAt >= 0 ? Number(args.splice(portAt, 2)[1]) : undefined;
  const folder = path.resolve(args[0] ?? path.join(repoRoot, 'examples'));
  if (!fs.existsSync(folder)) throw new Error(`${folder} does not exist`);
  const vsix = defaultVsix();
  if (!fs.existsSync(vsix)) throw new Error(`${path.basename(vsix)} not found: run \`npm run package\` first`);
  const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'connect-guard-editor-'));
  const server = await startCodeServer({ sandbox, workspace: folder, installVsix: vsix, port }).catch((e) => {
    fs.rmSync(sandbox, { recursive: true, force: true });
    throw e;
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping code-server');
    await server.stop();
    fs.rmSync(sandbox, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.process.on('exit', (code) => {
    if (stopping) return;
    console.error(`code-server exited (${code}):\n${server.output().slice(-2000)}`);
    fs.rmSync(sandbox, { recursive: true, force: true });
    process.exit(1);
  });
  console.log(`connect-guard ${path.basename(vsix)} in the browser editor, workspace ${path.relative(process.cwd(), folder) || '.'}:`);
  console.log(`\n  ${server.origin}/?folder=${encodeURIComponent(folder)}\n`);
  console.log('Open the URL in a browser on this machine. Ctrl-C stops the editor.');
}

main().catch((e) => {
  console.error(`editor: ${(e as Error).message}`);
  process.exit(1);
});
