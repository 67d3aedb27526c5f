import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';
import { cleanSid } from '../../server/src/engine/rules/grammar/invalidSid';

const withSid = (sid: string) => `{"Version": "2012-10-17", "Statement": [{"Sid": ${JSON.stringify(sid)}, "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*"}]}`;

describe('invalid-sid', () => {
  it('reports spaces, hyphens and underscores on the value', () => {
    for (const sid of ['allow-agent read', 'Agent_Read', 'Read.Users']) {
      const text = withSid(sid);
      expectFindings('invalid-sid', 'identity', text, 'error', [at(text, JSON.stringify(sid))]);
    }
  });
  it('is a warning in resource and endpoint policies, where some services accept more', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Sid": "Key admins", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:*", "Resource": "*"}]}';
    expectFindings('invalid-sid', 'resource', text, 'warning', [at(text, '"Key admins"')]);
  });
  it('is silent on letters and digits, and leaves an empty Sid to empty-value', () => {
    expectNone('invalid-sid', 'identity', withSid('AllowAgentRead2'));
    expectNone('invalid-sid', 'identity', withSid(''));
  });
  it('cleans to PascalCase', () => {
    assert.strictEqual(cleanSid('allow-agent read'), 'AllowAgentRead');
    assert.strictEqual(cleanSid('Agent_Read_2'), 'AgentRead2');
    assert.strictEqual(cleanSid('---'), '');
  });
  it('fix proposes the cleaned Sid, unless that Sid is taken', () => {
    assert.strictEqual(expectFixRoundTrip('invalid-sid', 'identity', withSid('Agent Read')), withSid('AgentRead'));
    const taken = '{"Version": "2012-10-17", "Statement": [{"Sid": "Agent Read", "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*"}, {"Sid": "AgentRead", "Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"}]}';
    const [f] = expectFindings('invalid-sid', 'identity', taken, 'error', [at(taken, '"Agent Read"')]);
    assert.strictEqual(f.fixes, undefined);
  });
});
