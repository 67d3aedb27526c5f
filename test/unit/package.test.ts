// The .vsix holds exactly what the extension runs on, and everything its manifest names.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { listZip, readEntry } from '../e2e/zip';

const root = path.resolve(__dirname, '..', '..', '..');

describe('packaged .vsix', function () {
  this.timeout(120_000);
  let dir: string;
  let names: string[];
  let manifest: any;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'connect-guard-package-'));
    const vsix = path.join(dir, 'connect-guard.vsix');
    execFileSync(process.execPath, [path.join(root, 'scripts', 'package.js'), '--out', vsix], { cwd: root, stdio: 'pipe' });
    const buf = fs.readFileSync(vsix);
    const entries = listZip(buf);
    names = entries.map((e) => e.name).sort();
    manifest = JSON.parse(readEntry(buf, entries.find((e) => e.name === 'extension/package.json')!).toString('utf8'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('contains exactly the bundles, IAM data, schemas, snippets, icons, rule pages and documents', () => {
    const listed = (folder: string, ext: string) => (fs.existsSync(path.join(root, folder)) ? fs.readdirSync(path.join(root, folder)).filter((f) => f.endsWith(ext)).map((f) => `extension/${folder}/${f}`) : []);
    // esbuild writes third-party licence comments beside a bundle when it has any.
    const legal = ['extension.js', 'server.js'].map((f) => `dist/${f}.LEGAL.txt`).filter((f) => fs.existsSync(path.join(root, f))).map((f) => `extension/${f}`);
    const expected = [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/media/icon.png',
      'extension/media/activitybar.svg',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/dist/iam-index.json',
      ...legal,
      ...listed('schemas', '.json'),
      ...listed('snippets', '.json'),
      // "Show rule documentation" opens the shipped page, so it works offline.
      ...listed('docs/rules', '.md'),
    ].sort();
    assert.deepStrictEqual(names, expected);
  });

  it('contains every file the manifest refers to', () => {
    const contributes = manifest.contributes ?? {};
    const refs: string[] = [manifest.main, manifest.icon];
    for (const s of contributes.snippets ?? []) refs.push(s.path);
    for (const v of contributes.jsonValidation ?? []) if (!/^https?:/.test(v.url)) refs.push(v.url);
    const withIcons = [...Object.values(contributes.viewsContainers ?? {}), ...Object.values(contributes.views ?? {})] as { icon?: string }[][];
    for (const list of withIcons) for (const v of list) if (v.icon && !v.icon.startsWith('$(')) refs.push(v.icon);
    for (const ref of refs) {
      assert.ok(typeof ref === 'string', `manifest reference missing: ${JSON.stringify(refs)}`);
      const name = `extension/${path.posix.normalize(ref.replace(/^\.\//, ''))}`;
      assert.ok(names.includes(name), `${ref} is referenced by package.json but not packaged`);
    }
  });

  it('has a complete manifest', () => {
    for (const field of ['publisher', 'displayName', 'description', 'icon', 'repository', 'license', 'main']) assert.ok(manifest[field], `package.json has no ${field}`);
    assert.deepStrictEqual([...manifest.categories].sort(), ['Linters', 'Snippets']);
    assert.ok(manifest.keywords.length > 0);
    // The engine range must admit the oldest VS Code the language client library supports.
    const clientMin = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'vscode-languageclient', 'package.json'), 'utf8')).engines.vscode;
    assert.strictEqual(manifest.engines.vscode, clientMin);
    assert.ok(manifest.capabilities?.untrustedWorkspaces, 'capabilities.untrustedWorkspaces is not declared');
    assert.ok(!(manifest.activationEvents ?? []).includes('*'), 'activates on everything');
  });
});
