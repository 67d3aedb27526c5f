import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMAND, FINDINGS_VIEW, VIEW_CONTAINER, CONFIG_SECTION } from '../../client/src/ids';
import { CLIENT_COMMANDS } from '../../server/src/lsp/protocol';
import { DEFAULT_EDITOR_SETTINGS } from '../../server/src/lsp/settings';

const root = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

describe('client: manifest', () => {
  it('contributes exactly the commands the client registers, titled and categorised', () => {
    const contributed = contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepStrictEqual(contributed, Object.values(COMMAND).sort());
    for (const c of contributes.commands) {
      assert.strictEqual(c.category, 'connect-guard', c.command);
      assert.ok(c.title, c.command);
    }
  });

  it('the commands the server\'s code actions call are client commands', () => {
    for (const id of Object.values(CLIENT_COMMANDS)) assert.ok((Object.values(COMMAND) as string[]).includes(id), id);
  });

  it('declares the view container, the findings view with welcome content, and menus only for contributed commands', () => {
    assert.deepStrictEqual(contributes.viewsContainers.activitybar.map((v: { id: string }) => v.id), [VIEW_CONTAINER]);
    assert.ok(fs.existsSync(path.join(root, contributes.viewsContainers.activitybar[0].icon)));
    assert.deepStrictEqual(contributes.views[VIEW_CONTAINER].map((v: { id: string }) => v.id), [FINDINGS_VIEW]);
    assert.strictEqual(contributes.viewsWelcome[0].view, FINDINGS_VIEW);
    const ids = new Set(Object.values(COMMAND) as string[]);
    for (const list of Object.values(contributes.menus) as { command: string }[][]) for (const m of list) assert.ok(ids.has(m.command), m.command);
  });

  it('every setting is resource-scoped (trace is window), titled, described in Markdown, with the server\'s defaults', () => {
    const props = contributes.configuration.properties as Record<string, { scope: string; title: string; markdownDescription: string; default: unknown }>;
    const flat: Record<string, unknown> = {
      enable: DEFAULT_EDITOR_SETTINGS.enable,
      rules: DEFAULT_EDITOR_SETTINGS.rules,
      kinds: DEFAULT_EDITOR_SETTINGS.kinds,
      'scan.include': DEFAULT_EDITOR_SETTINGS.scan.include,
      'scan.exclude': DEFAULT_EDITOR_SETTINGS.scan.exclude,
      'scan.onStartup': DEFAULT_EDITOR_SETTINGS.scan.onStartup,
      'cloudtrail.adminPrincipals': [],
      'cloudtrail.allowedCidrs': [],
      'cloudtrail.allowedVpcEndpoints': [],
      maxFileSizeMB: DEFAULT_EDITOR_SETTINGS.maxFileSizeMB,
      maxFindingsPerFile: DEFAULT_EDITOR_SETTINGS.maxFindingsPerFile,
      'trace.server': 'off',
    };
    assert.deepStrictEqual(Object.keys(props).sort(), Object.keys(flat).map((k) => `${CONFIG_SECTION}.${k}`).sort());
    for (const [k, v] of Object.entries(props)) {
      assert.strictEqual(v.scope, k.endsWith('trace.server') ? 'window' : 'resource', k);
      assert.ok(v.title && v.markdownDescription, k);
      assert.deepStrictEqual(v.default, flat[k.slice(CONFIG_SECTION.length + 1)], k);
    }
  });

  it('activates narrowly, starts the bundled client, and serves only the config schema through jsonValidation', () => {
    assert.strictEqual(pkg.main, './dist/extension.js');
    assert.ok(!pkg.activationEvents.includes('*') && !pkg.activationEvents.includes('onStartupFinished'));
    assert.deepStrictEqual(contributes.jsonValidation, [{ fileMatch: '.connectguard.json', url: './schemas/connectguard.schema.json' }]);
    assert.ok(fs.existsSync(path.join(root, contributes.snippets[0].path)));
    const client = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'vscode-languageclient', 'package.json'), 'utf8'));
    assert.strictEqual(pkg.engines.vscode, client.engines.vscode, 'engines.vscode follows the language client\'s minimum');
  });
});
