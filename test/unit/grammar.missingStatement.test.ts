import * as assert from 'assert';
import { at, expectFindings, expectNone, findingsOf } from '../helpers/lint';

describe('missing-statement', () => {
  it('reports a policy without Statement on its opening brace', () => {
    const text = '{\n  "Version": "2012-10-17"\n}';
    const [f] = expectFindings('missing-statement', 'identity', text, 'error', [{ offset: 0, length: 1 }]);
    assert.match(f.message, /no "Statement"/);
  });
  it('reports a Statement that is neither object nor array, on the value', () => {
    const text = '{"Version": "2012-10-17", "Statement": "connect:DescribeUser"}';
    expectFindings('missing-statement', 'scp', text, 'error', [at(text, '"connect:DescribeUser"')]);
    const nul = '{"Version": "2012-10-17", "Statement": null}';
    expectFindings('missing-statement', 'trust', nul, 'error', [at(nul, 'null')]);
  });
  it('leaves a misspelt "Statement" key to unknown-element', () => {
    const text = '{"Version": "2012-10-17", "Statment": []}';
    expectNone('missing-statement', 'identity', text);
    expectFindings('unknown-element', 'identity', text, 'error', [at(text, '"Statment"')]);
  });
  it('leaves a document that is not an object to invalid-type (one finding)', () => {
    for (const text of ['[]', '"x"', '42']) {
      expectNone('missing-statement', 'identity', text);
      assert.strictEqual(findingsOf('invalid-type', 'identity', text).length, 1, text);
    }
  });
  it('is silent on a statement object or array', () => {
    expectNone('missing-statement', 'identity', '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"}}');
    expectNone('missing-statement', 'identity', '{"Version": "2012-10-17", "Statement": []}');
  });
});
