import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip, findingsOf } from '../helpers/lint';

const policy = (resource: string, sid = 'Read') => `{"Version": "2012-10-17", "Statement": [{"Sid": "${sid}", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "${resource}"}]}`;

describe('invalid-characters', () => {
  it('reports each run of characters outside U+0020..U+00FF with its exact range', () => {
    const text = policy('arn:aws:s3:::connect\u2013recordings/\u200b\u200b*');
    const f = expectFindings('invalid-characters', 'identity', text, 'error', [at(text, '\u2013'), at(text, '\u200b\u200b')]);
    assert.match(f[0].message, /U\+2013/);
  });
  it('counts an emoji (surrogate pair) as one run and a lone surrogate too', () => {
    const text = policy('arn:aws:s3:::bucket/*', 'Read\ud83d\ude00') + '\ud800';
    const f = expectFindings('invalid-characters', 'identity', text, 'error', [at(text, '\ud83d\ude00'), at(text, '\ud800')]);
    assert.match(f[0].message, /U\+1F600/);
    assert.match(f[1].message, /lone surrogate U\+D800/);
  });
  it('accepts tab, line breaks and Latin-1 (U+00A0..U+00FF), and a leading BOM', () => {
    expectNone('invalid-characters', 'identity', '\ufeff{\r\n\t"Version": "2012-10-17",\n "Statement": [{"Sid": "Caf\u00e9", "Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"}]}');
    expectNone('invalid-characters', 'identity', policy('arn:aws:s3:::bucket/r\u00e9sum\u00e9\u00a0\u00ff'));
  });
  it('caps the findings at 50 plus one summary', () => {
    const text = policy(Array.from({ length: 120 }, () => 'a\u2014').join(''));
    const f = findingsOf('invalid-characters', 'identity', text);
    assert.strictEqual(f.length, 51);
    assert.match(f[50].message, /^70 more runs/);
    assert.strictEqual(f[50].offset, at(text, '\u2014', 50).offset);
  });
  it('fix replaces a typographic dash with "-"', () => {
    assert.strictEqual(expectFixRoundTrip('invalid-characters', 'identity', policy('arn:aws:s3:::connect\u2013recordings/*')), policy('arn:aws:s3:::connect-recordings/*'));
  });
  it('fix turns typographic quotes outside strings into JSON quotes', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": \u201cAllow", "Action": "connect:ListUsers", "Resource": "*"}]}';
    const [f] = findingsOf('invalid-characters', 'identity', text);
    assert.strictEqual(f.fixes?.[0].edits[0].content, '"');
    const inside = policy('arn:aws:s3:::a\u201cb');
    assert.strictEqual(findingsOf('invalid-characters', 'identity', inside)[0].fixes?.[0].title, 'Delete these characters');
  });
  it('fix deletes zero-width characters', () => {
    assert.strictEqual(expectFixRoundTrip('invalid-characters', 'identity', policy('arn:aws:s3:::bucket/\u200b*')), policy('arn:aws:s3:::bucket/*'));
  });
});
