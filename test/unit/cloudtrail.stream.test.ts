import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { streamRecords } from '../../server/src/cli/recordStream';
import { RecordSplitter } from '../../server/src/engine/cloudtrail';
import { record, log, compactLog, jsonLines } from './cloudtrail.fixtures';

function split(text: string, chunk: number): string[] {
  const bytes = Buffer.from(text, 'utf8');
  const s = new RecordSplitter();
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += chunk) for (const r of s.push(bytes.subarray(i, i + chunk))) {
      assert.deepStrictEqual(Buffer.from(r.bytes), bytes.subarray(r.offset, r.offset + r.bytes.length), 'offset in the whole input');
      out.push(Buffer.from(r.bytes).toString('utf8'));
    }
  return out;
}

describe('CloudTrail byte stream splitter', () => {
  const a = record({ eventName: 'CreateUser', requestParameters: { note: 'Zoë said \\"}]{[\\" \u00e9\u4e2d\ud83d\ude00 \\\\' } });
  const b = record({ eventName: 'DeleteUser' });

  for (const [name, text] of [['Records, pretty', log(a, b)], ['Records, one line', compactLog(a, b)], ['array', JSON.stringify([a, b], null, 2)], ['JSON Lines', jsonLines(a, b)], ['BOM', '\uFEFF' + compactLog(a, b)]] as const) {
    it(`splits ${name} into records whatever the chunk size`, () => {
      for (const chunk of [1, 3, 7, 64, 1 << 20]) {
        const got = split(text, chunk).map((r) => (JSON.parse(r) as { eventName: string; requestParameters: unknown }));
        assert.deepStrictEqual(got.map((r) => r.eventName), ['CreateUser', 'DeleteUser'], `chunk ${chunk}`);
        assert.deepStrictEqual(got[0].requestParameters, a.requestParameters, `chunk ${chunk}`);
      }
    });
  }

  it('streams a gzip file record by record and reports a truncated end', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-stream-'));
    try {
      const gz = path.join(dir, 'a.json.gz');
      fs.writeFileSync(gz, zlib.gzipSync(compactLog(a, b, record({ eventName: 'ListUsers' }))));
      const names: string[] = [];
      const it = streamRecords(gz, 64);
      let r = await it.next();
      while (!r.done) {
        names.push((r.value.value as { eventName: string }).eventName);
        r = await it.next();
      }
      assert.deepStrictEqual(names, ['CreateUser', 'DeleteUser', 'ListUsers']);
      assert.strictEqual(r.value.unfinishedBytes, 0);
      const cut = path.join(dir, 'cut.json');
      const full = compactLog(a, b);
      fs.writeFileSync(cut, full.slice(0, full.length - 40));
      const it2 = streamRecords(cut);
      let r2 = await it2.next();
      let n = 0;
      while (!r2.done) {
        n++;
        r2 = await it2.next();
      }
      assert.strictEqual(n, 1);
      assert.ok(r2.value.unfinishedBytes > 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
