import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint, mergeSettings, DEFAULT_SETTINGS, SEVERITY_ORDER, Finding } from '../../server/src/engine';
import { ConfigResolver, kindFromConfig } from '../../server/src/node/configLoader';

const ROOT = path.join(__dirname, '../../..');
const EXAMPLES = path.join(ROOT, 'examples');
const resolver = new ConfigResolver();

/** Lints a file the way the CLI does: kind from the file name, settings from .connectguard.json. */
function lintFile(rel: string): Finding[] {
  const file = path.join(EXAMPLES, rel);
  const config = resolver.forFile(file);
  const settings = mergeSettings(DEFAULT_SETTINGS, config?.config);
  return lint(fs.readFileSync(file, 'utf8'), { fileName: file, configKind: kindFromConfig(config, file), settings }).findings;
}

const CLEAN = [
  'policies/developer.identity.json',
  'policies/service-admin.identity.json',
  'policies/app-resource.identity.json',
  'policies/connect-saml-federation.identity.json',
  'policies/deny-delete-instance.scp.json',
  'policies/deny-delete-connect-role.scp.json',
  'policies/deny-cloudtrail-tamper.scp.json',
  'policies/voiceid.vpce.json',
  'policies/voiceid-key.kms.json',
  'policies/connect-saml.trust.json',
  'cloudtrail/agent-admin-day.cloudtrail.json',
];

/** What each problem file was written to trigger (examples/README.md explains why). */
const PROBLEMS: Record<string, string[]> = {
  'problems/developer-too-broad.identity.json': ['missing-version', 'connect-wildcard-allow', 'connect-privilege-change', 'connect-emergency-access', 'connect-tag-based-access', 'passrole-wildcard-resource'],
  'problems/readonly-with-federation.identity.json': ['connect-emergency-access', 'connect-privilege-change'],
  'problems/scp-with-principal.scp.json': ['principal-not-allowed', 'invalid-sid', 'duplicate-sid', 'unknown-action'],
  'problems/endpoint-connect.vpce.json': ['endpoint-open-principal', 'endpoint-connect-no-privatelink'],
  'problems/kms-open.kms.json': ['endpoint-open-principal', 'kms-via-service'],
  'problems/trust-wildcard.trust.json': ['principal-shape'],
  'problems/emergency-login.cloudtrail.json': ['ct-emergency-access', 'ct-sensitive-connect-call', 'ct-unapproved-principal', 'ct-unexpected-source'],
};

describe('examples', () => {
  it('lists every example file in this test', () => {
    const all: string[] = [];
    for (const dir of ['policies', 'problems', 'cloudtrail']) {
      for (const f of fs.readdirSync(path.join(EXAMPLES, dir))) all.push(`${dir}/${f}`);
    }
    const known = new Set([...CLEAN, ...Object.keys(PROBLEMS)]);
    assert.deepStrictEqual(all.filter((f) => !known.has(f)), []);
  });
  for (const rel of CLEAN) {
    it(`${rel} has no finding at warning or above`, () => {
      const bad = lintFile(rel).filter((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER.warning);
      assert.deepStrictEqual(bad.map((f) => `${f.rule}: ${f.message}`), []);
    });
  }
  for (const [rel, rules] of Object.entries(PROBLEMS)) {
    it(`${rel} triggers ${rules.join(', ')}`, () => {
      const got = new Set(lintFile(rel).map((f) => f.rule));
      assert.deepStrictEqual(rules.filter((r) => !got.has(r)), [], `found: ${[...got].join(', ')}`);
    });
  }
  it('problem files are all valid JSON (their mistakes are policy mistakes)', () => {
    for (const rel of Object.keys(PROBLEMS)) JSON.parse(fs.readFileSync(path.join(EXAMPLES, rel), 'utf8'));
  });
});
