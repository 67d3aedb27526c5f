import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { checkAsync } from './support/budget';
import { nastyString } from './support/arbitraries';

/** Words a user (or a broken script) might pass, valid and not; paths stay inside a temporary folder. */
const WORDS = [
  'lint', 'rules', 'activity', 'help', 'Lint', '--kind', 'identity', 'cloudtrail', 'bogus', '--format', 'text', 'json', 'sarif', 'markdown', 'xml',
  '--fail-on', 'never', 'info', 'error', '--config', 'bad.connectguard.json', 'missing.json', '--since', '--until', '2026-10-01', '2026-13-45', 'yesterday',
  '--top', '0', '3', '-1', '--fix', '--output', 'out.txt', '-o', '-q', '--quiet', '--help', '-h', '--version', '--debug', '--', '=', '--kind=scp', '--no-such-flag',
  'p.identity.json', 'broken.json', 'trail.cloudtrail.json', 'dir', 'dir/*.json', '**/*.json', '[', '{a,b}', 'nonexistent', '.', '..\u0000x', 'empty.json',
];

describe('property: the CLI never throws and never reports an internal error', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-prop-cli-'));
    fs.mkdirSync(path.join(dir, 'dir'));
    fs.writeFileSync(path.join(dir, 'p.identity.json'), '{"Statement":[{"Effect":"Allow","Action":"connect:*","Resource":"*",}]}');
    fs.writeFileSync(path.join(dir, 'dir', 'q.scp.json'), '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"connect:DeleteInstance","Resource":"*"}}');
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"Version": [');
    fs.writeFileSync(path.join(dir, 'empty.json'), '');
    fs.writeFileSync(path.join(dir, 'trail.cloudtrail.json'), '{"Records":[{"eventVersion":"1.11","eventTime":"2026-10-01T09:15:00Z","eventSource":"connect.amazonaws.com","eventName":"DeleteInstance","userIdentity":{"type":"Root"}}]}');
    fs.writeFileSync(path.join(dir, 'bad.connectguard.json'), '{"rules": {"missing-version": "loud"}, "kinds": 3}');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('any argument list: exit code 0, 1 or 2, no exception, no "internal error"', async () => {
    const args = fc.array(fc.oneof({ arbitrary: fc.constantFrom(...WORDS), weight: 5 }, { arbitrary: nastyString, weight: 1 }), { maxLength: 7 });
    await checkAsync(
      fc.asyncProperty(args, async (argv) => {
        let err = '';
        const code = await main(argv, { out: () => undefined, err: (s) => void (err += s), isTTY: false, cwd: dir, env: {} });
        assert.ok([0, 1, 2].includes(code), `exit ${code} for ${JSON.stringify(argv)}`);
        assert.ok(!/internal error/.test(err), `${JSON.stringify(argv)}: ${err}`);
      }),
      150,
    );
  });
});
