import * as assert from 'assert';
import { scanRecords, CloudTrailScanner } from '../../server/src/engine/cloudtrail';
import { at } from '../helpers/lint';
import { record, log, compactLog, jsonLines } from './cloudtrail.fixtures';

function spans(text: string) {
  return [...scanRecords(text)].map((r) => ({ text: text.slice(r.start, r.end), name: (r.value as { eventName?: string } | undefined)?.eventName, malformed: !!r.syntaxErrors }));
}

describe('cloudtrail scanner', function () {
  this.timeout(15000);
  const a = record({ eventName: 'CreateUser' });
  const b = record({ eventName: 'DeleteUser' });

  it('finds the records of a pretty-printed {"Records": [...]} file with exact spans', () => {
    const text = log(a, b);
    const scanner = new CloudTrailScanner(text);
    const got = [...scanner.records()];
    assert.strictEqual(scanner.shape, 'records');
    assert.deepStrictEqual(got.map((r) => (r.value as { eventName: string }).eventName), ['CreateUser', 'DeleteUser']);
    const first = JSON.stringify(a, null, 2).replace(/\n/g, '\n    ');
    assert.deepStrictEqual({ start: got[0].start, end: got[0].end }, { start: at(text, first).offset, end: at(text, first).offset + at(text, first).length });
    assert.deepStrictEqual(scanner.syntaxErrors, []);
  });

  it('reads a delivered one-line file, a top-level array, a single record and JSON Lines', () => {
    assert.deepStrictEqual(spans(compactLog(a, b)).map((s) => s.name), ['CreateUser', 'DeleteUser']);
    const arr = JSON.stringify([a, b], null, 1);
    const sa = new CloudTrailScanner(arr);
    assert.deepStrictEqual([...sa.records()].map((r) => (r.value as { eventName: string }).eventName), ['CreateUser', 'DeleteUser']);
    assert.strictEqual(sa.shape, 'array');
    const single = new CloudTrailScanner(JSON.stringify(a, null, 2));
    assert.deepStrictEqual([...single.records()].map((r) => [r.start, r.end]), [[0, JSON.stringify(a, null, 2).length]]);
    assert.strictEqual(single.shape, 'single');
    const lines = new CloudTrailScanner(jsonLines(a, b, a));
    assert.deepStrictEqual([...lines.records()].map((r) => (r.value as { eventName: string }).eventName), ['CreateUser', 'DeleteUser', 'CreateUser']);
    assert.strictEqual(lines.shape, 'lines');
  });

  it('keeps strings with escaped quotes, brackets and braces inside one record', () => {
    const tricky = record({ eventName: 'UpdateUserIdentityInfo', requestParameters: { note: 'he said \\"}]{[\\" and left \\\\', x: '"{"' } });
    const text = compactLog(tricky, b);
    assert.deepStrictEqual(spans(text).map((s) => s.name), ['UpdateUserIdentityInfo', 'DeleteUser']);
  });

  it('analyses the other records when one in the middle is malformed, and locates its error', () => {
    const text = `{"Records": [\n${JSON.stringify(a)},\n{"eventVersion": "1.11", "eventName": "Broken" "eventSource": "connect.amazonaws.com"},\n${JSON.stringify(b)}\n]}`;
    const scanner = new CloudTrailScanner(text);
    const got = [...scanner.records()];
    assert.deepStrictEqual(got.map((r) => !!r.syntaxErrors), [false, true, false]);
    assert.strictEqual((got[2].value as { eventName: string }).eventName, 'DeleteUser');
    assert.deepStrictEqual(scanner.syntaxErrors.map((e) => ({ message: e.message, offset: e.offset })), [{ message: 'Comma expected', offset: at(text, '"eventSource": "connect.amazonaws.com"}').offset }]);
  });

  it('resynchronises after an unterminated string at the end of its line', () => {
    const text = `{"Records": [\n{"eventVersion": "1.11", "eventName": "Broken,\n "eventSource": "connect.amazonaws.com"},\n${JSON.stringify(b)}\n]}`;
    const got = spans(text);
    assert.deepStrictEqual(got.map((s) => s.malformed), [true, false]);
    assert.strictEqual(got[1].name, 'DeleteUser');
  });

  it('bounds a broken JSON Lines line to its line', () => {
    const text = `${JSON.stringify(a)}\n{"eventVersion": "1.11", "eventName": "Trunc\n${JSON.stringify(b)}\n`;
    const got = spans(text);
    assert.deepStrictEqual(got.map((s) => [s.name, s.malformed]), [['CreateUser', false], ['Trunc', true], ['DeleteUser', false]]);
  });

  it('reports layout errors: missing comma between records, trailing comma, unclosed array', () => {
    const t1 = `{"Records": [${JSON.stringify(a)} ${JSON.stringify(b)}]}`;
    const s1 = new CloudTrailScanner(t1);
    assert.strictEqual([...s1.records()].length, 2);
    assert.deepStrictEqual(s1.syntaxErrors.map((e) => [e.message, e.offset]), [['Comma expected', t1.indexOf(' {"eventVersion"', 10) + 1]]);
    const t2 = `{"Records": [${JSON.stringify(a)},]}`;
    const s2 = new CloudTrailScanner(t2);
    assert.strictEqual([...s2.records()].length, 1);
    assert.deepStrictEqual(s2.syntaxErrors.map((e) => [e.message, e.offset]), [['Value expected', t2.length - 2]]);
    const t3 = `{"Records": [${JSON.stringify(a)}`;
    const s3 = new CloudTrailScanner(t3);
    assert.strictEqual([...s3.records()].length, 1);
    assert.deepStrictEqual(s3.syntaxErrors.map((e) => e.message), ['Closing bracket "]" expected', 'Closing brace "}" expected']);
  });

  it('reports "Records" that is not an array as a shape problem', () => {
    const text = '{"Records": {"eventVersion": "1.11"}}';
    const s = new CloudTrailScanner(text);
    assert.deepStrictEqual([...s.records()], []);
    assert.deepStrictEqual(s.shapeProblems.map((p) => [p.offset, p.length]), [[at(text, '{"eventVersion": "1.11"}').offset, at(text, '{"eventVersion": "1.11"}').length]]);
  });

  it('skips comments between records and records them for json-syntax', () => {
    const text = `// exported by a script\n{"Records": [\n/* first */ ${JSON.stringify(a)}\n]}`;
    const s = new CloudTrailScanner(text);
    assert.deepStrictEqual([...s.records()].map((r) => (r.value as { eventName: string }).eventName), ['CreateUser']);
    assert.deepStrictEqual(s.comments, [at(text, '// exported by a script'), at(text, '/* first */')]);
  });

  it('returns nothing for empty or blank text, and handles a BOM', () => {
    assert.deepStrictEqual([...scanRecords('')], []);
    assert.deepStrictEqual([...scanRecords(' \n\t')], []);
    assert.deepStrictEqual(spans('\uFEFF' + compactLog(a)).map((s) => s.name), ['CreateUser']);
  });

  it('never hangs or throws on truncations and garbage', () => {
    const base = log(a, b);
    const samples = ['{', '[', '"', '{"Records"', '{"Records":', '{"Records":[', '}}}]]]', ',,,', '{"Records":[,,]}', 'not json', '{"a":"\\', '[{"a":[{"b":'];
    for (let cut = 0; cut < base.length; cut += 37) samples.push(base.slice(0, cut), base.slice(cut));
    for (const s of samples) {
      const recs = [...scanRecords(s)];
      for (const r of recs) assert.ok(r.start >= 0 && r.end <= s.length && r.start < r.end, `span inside text for ${JSON.stringify(s.slice(0, 30))}`);
    }
  });
});
