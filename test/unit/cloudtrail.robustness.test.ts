import * as assert from 'assert';
import fc from 'fast-check';
import { lint } from '../../server/src/engine';
import { lintCloudTrailBytes, scanRecords } from '../../server/src/engine/cloudtrail';
import { RecordSplitter } from '../../server/src/engine/cloudtrail';
import { record, log, compactLog, jsonLines, root, assumedRole } from './cloudtrail.fixtures';

const BASES = [
  log(record({ eventName: 'CreateUser' }), record({ eventName: 'ListUsers', userIdentity: root(), errorCode: 'AccessDenied' })),
  compactLog(record({ eventName: 'DeleteInstance', userIdentity: assumedRole('Dev', 'é😀', 'false') }), record()),
  jsonLines(record({ eventName: 'UpdateUserHierarchy' }), record({ eventSource: 'voiceid.amazonaws.com', eventName: 'DeleteDomain' })),
];
const PIECES = ['{', '}', '[', ']', '"', '\\', ',', ':', '\n', '\r\n', ' ', '//', '/*', '*/', '\uFEFF', '😀', '\uD800', 'null', 'true', '"Records"', '"eventVersion"', '0'];

/** A base log with random edits: deletions, insertions of structural pieces, truncation. */
const mutated = fc.tuple(fc.constantFrom(...BASES), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom(...PIECES)), { maxLength: 6 })).map(([base, edits]) => {
  let t = base;
  for (const [at, del, ins] of edits) {
    const i = at % (t.length + 1);
    t = t.slice(0, i) + ins + t.slice(i + del);
  }
  return t;
});

describe('CloudTrail robustness (property, seeded)', function () {
  this.timeout(60000);

  it('lint(), the scanner, the byte path and the splitter never throw, and ranges stay inside the text', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const { findings } = lint(text, { kind: 'cloudtrail' });
        for (const f of findings) {
          assert.ok(f.offset >= 0 && f.offset + f.length <= text.length, `${f.rule} range inside`);
          for (const r of f.related ?? []) assert.ok(r.offset >= 0 && r.offset + r.length <= text.length, `${f.rule} related inside`);
          assert.notStrictEqual(f.rule, 'internal-error', f.message);
        }
        for (const r of scanRecords(text)) assert.ok(r.start < r.end && r.end <= text.length);
        const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
        const b = lintCloudTrailBytes(bytes, { kind: 'cloudtrail' });
        for (const f of b.findings) assert.notStrictEqual(f.rule, 'internal-error', f.message);
        const s = new RecordSplitter();
        for (let i = 0; i < bytes.length; i += 97) s.push(bytes.subarray(i, i + 97));
      }),
      { seed: 4242, numRuns: 400 },
    );
  });

  it('never splits a surrogate pair when a record starts with an astral character', () => {
    for (const text of ['\u{10000}{"eventVersion":"1.11"}', '{"Records":[\u{10000}{"eventVersion":"1.11"}]}']) {
      const pair = text.indexOf('\u{10000}');
      for (const f of lint(text, { kind: 'cloudtrail' }).findings) {
        assert.ok(f.offset !== pair + 1 && f.offset + f.length !== pair + 1, `${f.rule} [${f.offset}, +${f.length}] splits the pair in ${JSON.stringify(text)}`);
      }
    }
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        assert.deepStrictEqual(lint(text, { kind: 'cloudtrail' }), lint(text, { kind: 'cloudtrail' }));
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('stays linear on deep nesting and long strings', () => {
    const deep = `{"Records": [${'['.repeat(100000)}${']'.repeat(100000)}, ${JSON.stringify(record({ eventName: 'CreateUser' }))}]}`;
    const t0 = Date.now();
    const got = lint(deep, { kind: 'cloudtrail' }).findings.filter((f) => f.rule === 'ct-sensitive-connect-call');
    assert.strictEqual(got.length, 1);
    const longString = `{"Records": [${JSON.stringify(record({ eventName: 'CreateUser', requestParameters: { s: 'x'.repeat(5_000_000) } }))}]}`;
    assert.strictEqual(lint(longString, { kind: 'cloudtrail' }).findings.filter((f) => f.rule === 'ct-sensitive-connect-call').length, 1);
    const deepField = `{"Records": [{"eventVersion": "1.11", "eventSource": "connect.amazonaws.com", "eventName": "DeleteInstance", "x": ${'['.repeat(100000)}${']'.repeat(100000)}}]}`;
    const deepFindings = lint(deepField, { kind: 'cloudtrail' }).findings;
    assert.ok(!deepFindings.some((f) => f.rule === 'internal-error'), deepFindings.map((f) => f.message).join('\n'));
    assert.deepStrictEqual(deepFindings.filter((f) => f.rule === 'ct-sensitive-connect-call').map((f) => [f.offset, f.length]), [[13, 1]]);
    const unterminated = `{"Records": [{"eventName": "${'x'.repeat(2_000_000)}`;
    lint(unterminated, { kind: 'cloudtrail' });
    assert.ok(Date.now() - t0 < 20000);
  });
});
