import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';

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
