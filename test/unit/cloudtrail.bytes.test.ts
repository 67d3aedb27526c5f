import * as assert from 'assert';
import { lint, LineIndex, Finding } from '../../server/src/engine';
import { lintCloudTrailBytes, lintBytesIfCloudTrail } from '../../server/src/engine/cloudtrail';
import { record, log, compactLog, jsonLines, assumedRole, root } from './cloudtrail.fixtures';
import { ctOpts } from './cloudtrail.settings';

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const view = (findings: Finding[], position: (o: number) => { line: number; character: number }) =>
  findings.map((f) => ({ rule: f.rule, severity: f.severity, offset: f.offset, length: f.length, start: position(f.offset), end: position(f.offset + f.length), related: f.related?.map((r) => [r.offset, position(r.offset)]) }));

/** The byte path must give exactly what lint() gives on the decoded text, positions included. */
function same(text: string, opts = {}) {
  const expected = lint(text, { kind: 'cloudtrail', ...opts }).findings;
  const idx = new LineIndex(text);
  const got = lintCloudTrailBytes(enc(text), { kind: 'cloudtrail', ...opts });
  assert.ok(expected.length > 0, 'the case has findings');
  assert.deepStrictEqual(view(got.findings, got.position), view(expected, (o) => idx.position(o)));
}

describe('CloudTrail from bytes (big files)', () => {
  const denied = (n: string) => record({ eventName: n, userIdentity: assumedRole('Dev', 'ünïcødé-😀'), errorCode: 'AccessDenied' });
  const recs = () => [
    record({ eventName: 'CreateUser', requestParameters: { note: 'Zoë 中文 😀 "quoted" \\ back', Username: 'agent.été' } }),
    denied('ListUsers'),
    record({ eventName: 'DeleteInstance', userIdentity: root() }),
    denied('ListQueues'),
    record({ eventVersion: '2.0', eventName: 'UpdateUserHierarchy' }),
  ];

  it('matches lint() on a delivered one-line file with multi-byte characters', () => same(compactLog(...recs())));
  it('matches lint() on a pretty-printed file (positions on many lines)', () => same(log(...recs())));
  it('matches lint() on JSON Lines and on a top-level array', () => {
    same(jsonLines(...recs()));
    same(JSON.stringify(recs(), null, 2));
  });
  it('matches lint() with a BOM and with settings', () => same('\uFEFF' + compactLog(...recs()), ctOpts({ adminPrincipals: ['arn:aws:iam::111122223333:role/ConnectAdmin'], allowedCidrs: ['10.0.0.0/8'] })));
  it('matches lint() on a malformed record in the middle (json-syntax inside the record)', () => {
    same(`{"Records": [\n${JSON.stringify(record({ eventName: 'CreateUser' }))},\n{"eventVersion": "1.11", "eventName": "Broken" "eventSource": "connect.amazonaws.com"},\n${JSON.stringify(record({ eventName: 'DeleteUser' }))}\n]}`);
  });

  it('bounds a broken JSON Lines line to its line, like the text path', () => {
    const a = JSON.stringify(record({ eventName: 'CreateUser' }));
    const b = JSON.stringify(record({ eventName: 'DeleteUser' }));
    for (const broken of ['{"eventVersion": "1.11", "eventName": "Trunc', '{"eventVersion": "1.11", "requestParameters": {"a": [1, 2']) {
      const text = `${a}\n${broken}\n${b}\n`;
      const r = lintCloudTrailBytes(enc(text), { kind: 'cloudtrail' });
      assert.deepStrictEqual(r.findings.filter((f) => f.rule === 'ct-sensitive-connect-call').map((f) => text.substr(f.offset, f.length)), ['"CreateUser"', '"DeleteUser"']);
      assert.ok(r.findings.some((f) => f.rule === 'json-syntax'));
      const t = lint(text, { kind: 'cloudtrail' });
      assert.deepStrictEqual(t.findings.filter((f) => f.rule === 'ct-sensitive-connect-call').map((f) => text.substr(f.offset, f.length)), ['"CreateUser"', '"DeleteUser"']);
    }
  });

  it('reports a file that ends inside a record', () => {
    const text = compactLog(record({ eventName: 'CreateUser' }), record({ eventName: 'DeleteUser' }));
    const cut = text.slice(0, text.length - 30);
    const r = lintCloudTrailBytes(enc(cut), { kind: 'cloudtrail' });
    assert.deepStrictEqual(r.findings.map((f) => f.rule), ['ct-sensitive-connect-call', 'json-syntax']);
    assert.deepStrictEqual(r.position(r.findings[1].offset), { line: 0, character: cut.length });
  });

  it('decides the kind like lint(): by name or sniff, else leaves the bytes to the text path', () => {
    const r = lintBytesIfCloudTrail(enc(log(record({ eventName: 'CreateUser' }))));
    assert.deepStrictEqual(r?.findings.map((f) => f.rule), ['document-kind', 'ct-sensitive-connect-call']);
    assert.strictEqual(lintBytesIfCloudTrail(enc('{"Version": "2012-10-17", "Statement": []}')), undefined);
    assert.deepStrictEqual(lintBytesIfCloudTrail(enc(jsonLines(record())), { fileName: 'x.jsonl' })?.findings, []);
  });
});
