import * as assert from 'assert';
import { Finding, Severity } from '../../server/src/engine';
import { capFindings } from '../../server/src/lsp/findingCap';

const f = (severity: Severity, offset: number): Finding => ({ rule: `r-${severity}`, severity, message: 'm', offset, length: 1 });

describe('lsp: finding cap', () => {
  it('leaves a list at or under the cap as it is', () => {
    const list = [f('info', 0), f('error', 5), f('warning', 9)];
    assert.strictEqual(capFindings(list, 'a.json', 3), list);
  });

  it('keeps the most severe in the engine order and counts the rest in one information finding at the start', () => {
    const list = [f('info', 0), f('warning', 10), f('error', 20), f('info', 30), f('warning', 40), f('error', 50), f('hint', 60)];
    const capped = capFindings(list, '/logs/october.cloudtrail.json', 3);
    assert.deepStrictEqual(capped.slice(0, 3).map((x) => `${x.severity}@${x.offset}`), ['warning@10', 'error@20', 'error@50']);
    assert.deepStrictEqual(capped[3], {
      rule: 'too-many-findings',
      severity: 'info',
      message: '4 more findings not shown (1 warning, 2 info, 1 hint): the editor shows the 3 most severe of 7 (connectGuard.maxFindingsPerFile). Run `connect-guard lint "/logs/october.cloudtrail.json"` to see them all.',
      offset: 0,
      length: 0,
    });
  });

  it('within one severity keeps the first ones', () => {
    const list = [f('error', 3), f('error', 1), f('error', 2)];
    assert.deepStrictEqual(capFindings(list, undefined, 2).map((x) => `${x.rule}@${x.offset}`), ['r-error@3', 'r-error@1', 'too-many-findings@0']);
    assert.strictEqual(capFindings(list, undefined, 2)[2].message, '1 more finding not shown (1 error): the editor shows the 2 most severe of 3 (connectGuard.maxFindingsPerFile). Run `connect-guard lint` to see them all.');
  });
});
