import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';
import { lint } from '../../server/src/engine';
import { duplicateSid } from '../../server/src/engine/rules/grammar/duplicateSid';

const stmt = (sid: string, action: string) => `{"Sid": "${sid}", "Effect": "Allow", "Action": "${action}", "Resource": "*"}`;
const policy = (...s: string[]) => `{"Version": "2012-10-17", "Statement": [${s.join(', ')}]}`;

describe('duplicate-sid', () => {
  it('reports each repeat, with the first use as related location', () => {
    const text = policy(stmt('AgentRead', 'connect:DescribeUser'), stmt('AgentRead', 'connect:DescribeQueue'), stmt('AgentRead', 'connect:ListUsers'));
    const f = expectFindings('duplicate-sid', 'identity', text, 'error', [at(text, '"AgentRead"', 1), at(text, '"AgentRead"', 2)]);
    assert.deepStrictEqual(f[0].related?.map((r) => r.offset), [at(text, '"AgentRead"').offset]);
  });
  it('is a warning outside identity policies and SCPs', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:Decrypt", "Resource": "*"}, {"Sid": "A", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:Encrypt", "Resource": "*"}]}';
    expectFindings('duplicate-sid', 'resource', text, 'warning', [at(text, '"A"', 1)]);
  });
  it('is silent on unique Sids, Sids differing in case, and empty Sids', () => {
    expectNone('duplicate-sid', 'identity', policy(stmt('AgentRead', 'connect:DescribeUser'), stmt('Agentread', 'connect:DescribeQueue'), stmt('', 'connect:ListUsers'), stmt('', 'connect:ListQueues')));
  });
  it('fix appends the first free number', () => {
    const text = policy(stmt('AgentRead', 'connect:DescribeUser'), stmt('AgentRead2', 'connect:ListUsers'), stmt('AgentRead', 'connect:DescribeQueue'));
    assert.strictEqual(expectFixRoundTrip('duplicate-sid', 'identity', text), policy(stmt('AgentRead', 'connect:DescribeUser'), stmt('AgentRead2', 'connect:ListUsers'), stmt('AgentRead3', 'connect:DescribeQueue')));
  });
  it('stays fast with thousands of repeats', () => {
    const text = policy(...Array.from({ length: 5000 }, () => stmt('S', 'connect:ListUsers')));
    const t = Date.now();
    const f = lint(text, { kind: 'identity', rules: [duplicateSid] }).findings;
    const took = Date.now() - t;
    assert.strictEqual(f.length, 4999);
    assert.strictEqual(f[4998].fixes?.[0].edits[0].content, '"S5000"');
    assert.ok(took < 2000, `took ${took} ms`);
  });
});
