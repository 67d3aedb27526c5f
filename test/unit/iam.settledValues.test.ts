import * as assert from 'assert';
import { SettledValues } from '../../server/src/engine/rules/iam/listLimit';
import { at, expectFindings } from '../helpers/lint';

describe('rules/iam/listLimit: SettledValues', () => {
  it('remembers values of long lists only', () => {
    const settled = new SettledValues();
    settled.add('connect:ListUsers', 3);
    assert.strictEqual(settled.has('connect:ListUsers', 3), false);
    assert.strictEqual(settled.has('connect:ListUsers', 100), false);
    settled.add('connect:ListUsers', 100);
    assert.strictEqual(settled.has('connect:ListUsers', 100), true);
    assert.strictEqual(settled.has('connect:ListUsers', 64), false);
    assert.strictEqual(settled.has('connect:ListQueues', 100), false);
  });
});

describe('unknown-action with settled values: long and short lists of one document', () => {
  it('reports an unknown name after many repeats of a known one, and again in a short list', () => {
    const long = [...Array(70).fill('"connect:ListUsers"'), '"connect:ListUserz"'].join(', ');
    const text = `{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": [${long}], "Resource": "*"},
  {"Effect": "Allow", "Action": ["connect:ListUsers", "connect:ListUserz"], "Resource": "*"}
]}`;
    expectFindings('unknown-action', 'identity', text, 'warning', [at(text, 'ListUserz', 0), at(text, 'ListUserz', 1)]);
  });
});
