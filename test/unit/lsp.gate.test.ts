import * as assert from 'assert';
import * as path from 'path';
import { contentShape } from '../../server/src/lsp/contentShape';
import { gate, directoryExcluded } from '../../server/src/lsp/documentGate';
import { DEFAULT_EDITOR_SETTINGS, engineSettingsFor, normaliseSettings } from '../../server/src/lsp/settings';
import { DEFAULT_SETTINGS } from '../../server/src/engine';
import { compileConfig } from '../../server/src/node/configLoader';

const ws = path.resolve('/ws');
const file = (rel: string) => path.join(ws, rel);

describe('lsp: content shape', () => {
  const cases: [string, string, string][] = [
    ['policy', '{"Version": "2012-10-17", "Statement": []}', 'Version and Statement'],
    ['policy', '{\n  "Statement": {"Effect": "Allow"}\n}', 'Statement only'],
    ['policy', '{"Version": "2012-10-17"}', 'an IAM Version being typed'],
    ['cloudtrail', '{"Records": []}', 'a log file'],
    ['cloudtrail', '{"eventVersion": "1.11", "eventName": "CreateUser"}', 'one record'],
    ['cloudtrail', '[{"eventVersion": "1.11"}]', 'an array of records'],
    ['cloudtrail', '{"eventVersion": "1.11"}\n{"eventVersion": "1.11"}\n', 'JSON Lines'],
    ['other', '{"name": "x", "version": "1.0.0", "scripts": {"Statement": 1}}', 'package.json with a nested Statement key'],
    ['other', '{"Version": "1.0.0"}', 'a Version that is not IAM\'s'],
    ['other', '{"compilerOptions": {}}', 'tsconfig.json'],
    ['other', '[1, 2, 3]', 'an array of numbers'],
    ['other', '[{"Statement": []}]', 'an array of policies'],
    ['other', '"Statement"', 'a string'],
    ['other', '', 'empty'],
  ];
  for (const [want, text, what] of cases) it(`${what}: ${want}`, () => assert.strictEqual(contentShape(text), want));

  it('stops early: a 20 MB log is classified from its first bytes', () => {
    const big = '{"Records": [' + '{"eventVersion": "1.11"},'.repeat(800000) + '{}]}';
    big.charCodeAt(big.length - 1); // flatten the concatenated string first, as a document's text already is
    const t = process.hrtime.bigint();
    assert.strictEqual(contentShape(big), 'cloudtrail');
    assert.ok(Number(process.hrtime.bigint() - t) / 1e6 < 20);
  });
});

describe('lsp: document gate', () => {
  const s = DEFAULT_EDITOR_SETTINGS;
  const policy = '{"Version": "2012-10-17", "Statement": []}';
  it('lints a policy-shaped JSON file anywhere in the workspace', () => assert.deepStrictEqual(gate(file('a/dev.json'), policy, s, undefined, ws), { lint: true }));
  it('lints a file named by convention even when empty', () => assert.deepStrictEqual(gate(file('x.scp.json'), '', s, undefined, ws), { lint: true }));
  it('leaves unrelated JSON alone', () => assert.strictEqual(gate(file('data.json'), '{"a": 1}', s, undefined, ws).lint, false));
  it('never lints package.json, node_modules or the config file as a policy', () => {
    assert.strictEqual(gate(file('package.json'), policy, s, undefined, ws).lint, false);
    assert.strictEqual(gate(file('node_modules/x/p.identity.json'), policy, s, undefined, ws).lint, false);
    assert.deepStrictEqual(gate(file('.connectguard.json'), '{}', s, undefined, ws), { lint: false, reason: 'configuration file', config: true });
  });
  it('connectGuard.kinds wins over the config file, which wins over the file name', () => {
    const config = compileConfig(file('.connectguard.json'), { kinds: { 'guardrails/**': 'scp', 'logs/*.json': 'cloudtrail' } });
    const settings = { ...s, kinds: { 'guardrails/legacy/*.json': 'identity' as const } };
    assert.deepStrictEqual(gate(file('guardrails/legacy/a.trust.json'), '', settings, config, ws), { lint: true, configKind: 'identity' });
    assert.deepStrictEqual(gate(file('guardrails/a.trust.json'), '', settings, config, ws), { lint: true, configKind: 'scp' });
    assert.deepStrictEqual(gate(file('logs/day.json'), '{}', settings, config, ws), { lint: true, configKind: 'cloudtrail' });
  });
  it('honours .connectguard.json ignore and connectGuard.enable', () => {
    const config = compileConfig(file('.connectguard.json'), { ignore: ['legacy/**'] });
    assert.strictEqual(gate(file('legacy/p.identity.json'), policy, s, config, ws).lint, false);
    assert.strictEqual(gate(file('p.identity.json'), policy, { ...s, enable: false }, undefined, ws).lint, false);
  });
  it('untitled documents: content decides', () => {
    assert.deepStrictEqual(gate(undefined, policy, s, undefined, undefined), { lint: true });
    assert.strictEqual(gate(undefined, '{}', s, undefined, undefined).lint, false);
  });
  it('prunes excluded directories from the walk', () => {
    assert.strictEqual(directoryExcluded('a/node_modules', s), true);
    assert.strictEqual(directoryExcluded('policies', s), false);
  });
});

describe('lsp: settings', () => {
  it('normalises what the client sends, dropping malformed values', () => {
    const n = normaliseSettings({ enable: 'yes', rules: { 'missing-version': 'error', x: 'loud' }, kinds: { 'a/*.json': 'scp', b: 'nope' }, scan: { include: ['**/*.json', 3] }, maxFileSizeMB: -1, maxFindingsPerFile: 2.5 });
    assert.strictEqual(n.enable, true);
    assert.deepStrictEqual(n.rules, { 'missing-version': 'error' });
    assert.deepStrictEqual(n.kinds, { 'a/*.json': 'scp' });
    assert.deepStrictEqual(n.scan.include, ['**/*.json']);
    assert.deepStrictEqual(n.scan.exclude, DEFAULT_EDITOR_SETTINGS.scan.exclude);
    assert.strictEqual(n.maxFileSizeMB, 32);
    assert.strictEqual(n.maxFindingsPerFile, 1000);
    assert.strictEqual(normaliseSettings({ maxFindingsPerFile: 50 }).maxFindingsPerFile, 50);
    assert.deepStrictEqual(normaliseSettings(null), DEFAULT_EDITOR_SETTINGS);
  });
  it('editor rules apply on top of the config file; non-empty CloudTrail lists replace the file\'s', () => {
    const file = { ...DEFAULT_SETTINGS, rules: { 'missing-version': 'error' as const, 'json-syntax': 'warning' as const }, cloudtrail: { adminPrincipals: ['arn:aws:iam::111122223333:role/A'], allowedCidrs: ['10.0.0.0/8'], allowedVpcEndpoints: [] } };
    const editor = normaliseSettings({ rules: { 'missing-version': 'off' }, cloudtrail: { allowedCidrs: ['203.0.113.0/24'] } });
    const merged = engineSettingsFor(file, editor);
    assert.deepStrictEqual(merged.rules, { 'missing-version': 'off', 'json-syntax': 'warning' });
    assert.deepStrictEqual(merged.cloudtrail, { adminPrincipals: ['arn:aws:iam::111122223333:role/A'], allowedCidrs: ['203.0.113.0/24'], allowedVpcEndpoints: [] });
  });
});
