import * as assert from 'assert';
import * as path from 'path';
import { runCli, tempTree, removeTree } from '../helpers/cli';

const NO_VERSION = '{"Statement": [{"Effect": "Deny", "Action": "connect:DeleteInstance", "Resource": "*"}]}';
/** An SCP and an identity policy look alike; this one is only wrong as an identity policy (Principal). */
const ENDPOINT = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "connect:*", "Resource": "*"}]}';

function rulesIn(out: string): string[] {
  return out.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l)).map((l) => `${l.split(':')[0]} ${l.split(' ')[1]} ${l.split(' ')[2]}`);
}

describe('cli: .connectguard.json', () => {
  let dir: string;
  before(() => {
    dir = tempTree({
      '.connectguard.json': JSON.stringify({
        rules: { 'missing-version': 'error', 'document-kind': 'off' },
        kinds: { 'network/**/*.json': 'endpoint' },
        ignore: ['vendor/**'],
      }),
      'team/deep/guard.scp.json': NO_VERSION,
      'network/prod/voice.json': ENDPOINT,
      'vendor/third-party.identity.json': NO_VERSION,
      'other/.connectguard.json': JSON.stringify({ rules: { 'missing-version': 'off' } }),
      'other/guard.scp.json': NO_VERSION,
    });
  });
  after(() => removeTree(dir));

  it('is found upward from the linted file and overrides a rule\'s severity', async () => {
    const r = await runCli(['lint', 'team/deep/guard.scp.json', '--fail-on', 'never'], dir);
    assert.deepStrictEqual(rulesIn(r.out), ['team/deep/guard.scp.json error missing-version']);
  });
  it('the nearest file wins: a rule turned off', async () => {
    const r = await runCli(['lint', 'other', '--fail-on', 'never'], dir);
    assert.deepStrictEqual([rulesIn(r.out), r.out.trimEnd()], [[], '1 file checked, no findings.']);
  });
  it('kind globs decide the kind (relative to the config file)', async () => {
    const r = await runCli(['lint', 'network', '--fail-on', 'never'], dir);
    assert.deepStrictEqual(rulesIn(r.out), [
      'network/prod/voice.json warning endpoint-open-principal',
      'network/prod/voice.json warning endpoint-connect-no-privatelink',
    ]);
  });
  it('--kind on the command line beats the config', async () => {
    const r = await runCli(['lint', 'network', '--kind', 'identity', '--fail-on', 'never'], dir);
    assert.ok(!rulesIn(r.out).some((l) => l.includes('endpoint-')), r.out);
  });
  it('ignored paths are not linted, even when walked', async () => {
    const r = await runCli(['lint', '.', '--fail-on', 'never'], dir);
    assert.ok(!r.out.includes('vendor/'), r.out);
    assert.match(r.out, /3 files checked/);
  });
  it('--config uses one file for everything', async () => {
    const r = await runCli(['lint', 'other/guard.scp.json', '--config', '.connectguard.json', '--fail-on', 'never'], dir);
    assert.deepStrictEqual(rulesIn(r.out), ['other/guard.scp.json error missing-version']);
  });
  it('an invalid config file is a usage error naming the file and the key', async () => {
    const bad = tempTree({ '.connectguard.json': '{"rules": {"no-such-rule": "off"}}', 'p.scp.json': NO_VERSION });
    const badSeverity = tempTree({ '.connectguard.json': '{"rules": {"missing-version": "loud"}}', 'p.scp.json': NO_VERSION });
    try {
      const r = await runCli(['lint', 'p.scp.json'], bad);
      assert.strictEqual(r.code, 2);
      assert.strictEqual(r.err, `connect-guard: ${path.join(bad, '.connectguard.json')}: unknown rule "no-such-rule" in "rules" (see \`connect-guard rules\`)\n`);
      const s = await runCli(['lint', 'p.scp.json'], badSeverity);
      assert.strictEqual(s.code, 2);
      assert.match(s.err, /rule "missing-version" must be one of error, warning, info, hint, off\n$/);
    } finally {
      removeTree(bad);
      removeTree(badSeverity);
    }
  });
});
