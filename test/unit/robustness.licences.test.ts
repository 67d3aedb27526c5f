import * as assert from 'assert';
import * as path from 'path';
import { spawnSync } from 'child_process';

const SCRIPT = path.resolve(__dirname, '../../../scripts/check-licences.js');
const { verdict } = require(SCRIPT) as { verdict: (expr: string | undefined) => { ok: boolean; why?: string } };

describe('licence check (scripts/check-licences.js)', () => {
  const cases: [string | undefined, boolean][] = [
    ['MIT', true], ['ISC', true], ['Apache-2.0', true], ['BSD-3-Clause', true], ['BlueOak-1.0.0', true], ['Python-2.0', true], ['0BSD', true],
    ['(MIT OR Apache-2.0)', true], ['MIT AND Zlib', true], ['Apache-2.0 WITH LLVM-exception', true], ['(MIT OR GPL-3.0-or-later)', true],
    ['GPL-2.0-only', false], ['GPL-3.0', false], ['AGPL-3.0-only', false], ['LGPL-2.1', false], ['SSPL-1.0', false], ['MIT AND GPL-3.0', false],
    [undefined, false], ['', false], ['UNLICENSED', false], ['SEE LICENSE IN LICENSE.txt', false], ['WTFPL', false], ['Proprietary', false],
  ];
  for (const [expr, ok] of cases) {
    it(`${JSON.stringify(expr)} is ${ok ? 'accepted' : 'rejected'}`, () => {
      assert.strictEqual(verdict(expr).ok, ok, JSON.stringify(verdict(expr)));
    });
  }
  it('the production dependency tree passes', () => {
    const r = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /production packages, 0 rejected/);
  });
});
