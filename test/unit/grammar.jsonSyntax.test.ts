import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip, findingsOf, lintAs } from '../helpers/lint';

describe('json-syntax', () => {
  it('reports a comment and a trailing comma, and keeps linting', () => {
    const text = '{\n  "Version": "2012-10-17",\n  // note\n  "Statement": [{"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*",}]\n}';
    expectFindings('json-syntax', 'identity', text, 'error', [at(text, '// note'), at(text, ',}')].map((r, i) => (i === 1 ? { offset: r.offset, length: 1 } : r)));
  });
  it('reports an empty document', () => {
    expectFindings('json-syntax', 'identity', '  ', 'error', [{ offset: 0, length: 0 }]);
  });
  it('is silent on valid JSON', () => {
    expectNone('json-syntax', 'identity', '{"Version":"2012-10-17","Statement":[]}');
  });
  it('fix removes the trailing comma', () => {
    const fixed = expectFixRoundTrip('json-syntax', 'identity', '{"Version": "2012-10-17", "Statement": [],}');
    assert.strictEqual(fixed, '{"Version": "2012-10-17", "Statement": []}');
  });
});

describe('json-syntax: many errors', () => {
  it('lists the first 20 errors, then one "N more" finding', () => {
    const text = '{"Version": "2012-10-17", "Statement": [' + Array.from({ length: 30 }, () => '{"Effect": "Allow",}').join(', ') + ']}';
    const f = findingsOf('json-syntax', 'identity', text);
    assert.strictEqual(f.length, 21);
    assert.deepStrictEqual(f.slice(0, 20).map((x) => x.offset), Array.from({ length: 20 }, (_, i) => at(text, ',}', i).offset));
    assert.match(f[20].message, /^10 more syntax errors/);
    assert.strictEqual(f[20].offset, at(text, ',}', 20).offset);
    assert.strictEqual(f[20].severity, 'error');
  });
  it('a binary file gives a bounded number of findings quickly', () => {
    let seed = 7;
    const bytes = Array.from({ length: 500_000 }, () => String.fromCharCode((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256)).join('');
    const t = Date.now();
    const all = lintAs('identity', bytes);
    assert.ok(Date.now() - t < 5000, `took ${Date.now() - t} ms`);
    assert.ok(all.filter((x) => x.rule === 'json-syntax').length <= 21);
    assert.ok(all.filter((x) => x.rule === 'invalid-characters').length <= 51);
  });
});

describe('json-syntax: typographic quotes', () => {
  it('says that typographic quotes are not JSON quotes', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": \u201cAllow\u201d, "Action": "connect:ListUsers", "Resource": "*"}]}';
    const f = findingsOf('json-syntax', 'identity', text);
    assert.strictEqual(f[0].offset, at(text, '\u201cAllow\u201d').offset);
    assert.match(f[0].message, /typographic quotes are not JSON quotes/);
  });
});
