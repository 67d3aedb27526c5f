import * as assert from 'assert';
import { nestingBeyond } from '../../server/src/engine/json';

describe('json: nestingBeyond', () => {
  it('a text with no more opening brackets than the limit never nests beyond it', () => {
    assert.strictEqual(nestingBeyond('[[]]', 2), -1);
    assert.strictEqual(nestingBeyond('{"a":[{}]}', 3), -1);
  });

  it('finds the bracket that opens the first level over the limit', () => {
    assert.strictEqual(nestingBeyond('[[[]]]', 2), 2);
    assert.strictEqual(nestingBeyond('{"a":[{}]}', 2), 6);
  });

  it('brackets in strings and comments count for the quick check but not for depth', () => {
    assert.strictEqual(nestingBeyond('[{"x":"{{{"}]', 3), -1);
    assert.strictEqual(nestingBeyond('"' + '['.repeat(600) + '"', 512), -1);
    assert.strictEqual(nestingBeyond('[/* [[[[ */ [] ]', 2), -1);
    assert.strictEqual(nestingBeyond('[/* [[[[ */ [[]] ]', 2), 13);
  });
});
