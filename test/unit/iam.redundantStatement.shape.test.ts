import * as assert from 'assert';
import { at, expectFindings } from '../helpers/lint';

// redundant-statement first groups statements by their cheap elements (Effect, Resource...)
// and spells out actions and conditions only within a group: these cases need both steps.
const doc = (...statements: string[]) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statements.join(',\n    ')}\n  ]\n}`;

describe('redundant-statement: statements alike in all but their actions', () => {
  const a = '{ "Effect": "Allow", "Action": ["connect:ListQueues"], "Resource": "*" }';
  const b = '{ "Effect": "Allow", "Action": ["connect:DescribeQueue"], "Resource": "*" }';
  const c = '{ "Sid": "Again", "Effect": "Allow", "Action": "CONNECT:listqueues", "Resource": ["*"] }';
  const d = '{ "Effect": "Allow", "Action": ["connect:ListQueues"], "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/i" }';

  it('reports only the statement whose actions repeat an earlier one of the same shape', () => {
    const text = doc(a, b, d, c);
    const got = expectFindings('redundant-statement', 'identity', text, 'info', [at(text, c)]);
    assert.match(got[0].message, /^Statement "Again" repeats statement 1/);
  });
  it('reports nothing when the actions differ', () => {
    expectFindings('redundant-statement', 'identity', doc(a, b, d), 'info', []);
  });
});
