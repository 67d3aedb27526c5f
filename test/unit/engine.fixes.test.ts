import * as assert from 'assert';
import { parseTree } from 'jsonc-parser';
import { removeArrayItem, applyEdits } from '../../server/src/engine/fixes';

describe('fixes: removeArrayItem', () => {
  const cases: [string, number, string][] = [
    ['["a", "b", "c"]', 0, '["b", "c"]'],
    ['["a", "b", "c"]', 1, '["a", "c"]'],
    ['["a", "b", "c"]', 2, '["a", "b"]'],
    ['[ "a", "b" ]', 1, '[ "a" ]'],
    ['[\n  "a",\n  "b"\n]', 1, '[\n  "a"\n]'],
    ['["only"]', 0, '[]'],
  ];
  for (const [text, index, expected] of cases) {
    it(`${JSON.stringify(text)} minus item ${index}`, () => {
      const arr = parseTree(text)!;
      const out = applyEdits(text, [removeArrayItem(arr, index)]);
      assert.strictEqual(out, expected);
      JSON.parse(out);
    });
  }
});
