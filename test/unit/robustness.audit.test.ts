import * as assert from 'assert';
import * as path from 'path';

const SCRIPT = path.resolve(__dirname, '../../../scripts/audit-verdict.js');
const { verdict } = require(SCRIPT) as { verdict: (raw: string) => { code: number; lines: string[] } };

const report = (v: Record<string, number>, vulns: Record<string, unknown> = {}) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities: vulns, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...v } } });

describe('advisory check (scripts/audit-verdict.js)', () => {
  it('passes a tree with only low and moderate advisories, and prints the counts', () => {
    assert.deepStrictEqual(verdict(report({ low: 2, moderate: 1 })), { code: 0, lines: ['audit: production dependencies: 0 critical, 0 high, 1 moderate, 2 low'] });
  });
  it('fails on a high or a critical advisory and names the package', () => {
    const r = verdict(report({ high: 1 }, { 'jsonc-parser': { severity: 'high', range: '<3.0.0' }, other: { severity: 'low', range: '*' } }));
    assert.deepStrictEqual(r, { code: 1, lines: ['audit: production dependencies: 0 critical, 1 high, 0 moderate, 0 low', '  high: jsonc-parser <3.0.0'] });
    assert.strictEqual(verdict(report({ critical: 1 })).code, 1);
  });
  it('says NOT RUN, never "0 advisories", when the endpoint refuses (HTTP 405) or nothing answers', () => {
    const refused = verdict(JSON.stringify({ message: '405 Method Not Allowed', statusCode: 405, uri: 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' }));
    assert.strictEqual(refused.code, 0);
    assert.match(refused.lines[0], /^audit: NOT RUN .*HTTP 405 from https:\/\/registry\.npmjs\.org/);
    assert.match(verdict('').lines[0], /^audit: NOT RUN .*\(no answer\)/);
  });
});
