import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { LineIndex, parseJson } from '../../server/src/engine';
import { nestingBeyond } from '../../server/src/engine/json';
import { readTextFile } from '../../server/src/cli/readInput';
import { check } from './support/budget';
import { nastyString } from './support/arbitraries';

const lineText = fc.array(fc.oneof(nastyString, fc.constantFrom('\r\n', '\r', '\n', '\u2028', '\n\r', '"', '[', '{', ']', '}', '/*', '*/', '//')), { maxLength: 30 }).map((a) => a.join(''));

describe('property: input edges (file reading, line index, nesting scan)', function () {
  this.timeout(30_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-prop-input-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('readTextFile never throws on random bytes, and returns text only for valid UTF-8 without NUL', () => {
    let n = 0;
    check(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.boolean(), (bytes, gz) => {
        const f = path.join(dir, `f${n++}.json${gz ? '.gz' : ''}`);
        fs.writeFileSync(f, gz ? zlib.gzipSync(bytes) : bytes);
        const r = readTextFile(f);
        const buf = Buffer.from(bytes);
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(buf);
        } catch {
          valid = false;
        }
        const expectText = valid && !buf.includes(0);
        assert.strictEqual(r.text !== undefined, expectText, JSON.stringify(r));
        if (r.text !== undefined) assert.strictEqual(r.text, buf.toString('utf8'));
        else assert.ok(r.problem && r.problem.length > 0);
      }),
      300,
    );
  });

  it('LineIndex: offset -> position -> offset is the identity (LF, CR, CRLF line breaks)', () => {
    check(
      fc.property(lineText, (text) => {
        const idx = new LineIndex(text);
        for (let o = 0; o <= text.length; o++) {
          const p = idx.position(o);
          assert.strictEqual(idx.offset(p.line, p.character), o, `offset ${o} in ${JSON.stringify(text)}`);
        }
        const breaks = (text.match(/\r\n|\r|\n/g) ?? []).length;
        assert.strictEqual(idx.position(text.length).line, breaks);
      }),
      500,
    );
  });

  it('the nesting pre-scan agrees with the parser: it never lets a deeper document through to the recursive parser', () => {
    const deepish = fc.array(fc.oneof(fc.constantFrom('[', '{"a":', ']', '}', '"[', '"', '\\"', '/*', '*/', '//', '\n', ','), nastyString), { maxLength: 60 }).map((a) => a.join(''));
    check(
      fc.property(deepish, fc.integer({ min: 1, max: 8 }), (text, max) => {
        const cut = nestingBeyond(text, max);
        if (cut >= 0) assert.ok('[{'.includes(text[cut]), `offset ${cut} is not a bracket`);
        // Independent count of the depth the parser reaches, from its own tree.
        const doc = parseJson(text);
        let deepest = 0;
        const stack: [NonNullable<typeof doc.root>, number][] = doc.root ? [[doc.root, doc.root.type === 'object' || doc.root.type === 'array' ? 1 : 0]] : [];
        while (stack.length) {
          const [n, d] = stack.pop()!;
          deepest = Math.max(deepest, d);
          for (const c of n.children ?? []) stack.push([c, d + (c.type === 'object' || c.type === 'array' ? 1 : 0)]);
        }
        if (cut < 0) assert.ok(deepest <= max, `scan says depth <= ${max}, the parser built ${deepest} levels: ${JSON.stringify(text)}`);
      }),
      2000,
    );
  });
});
