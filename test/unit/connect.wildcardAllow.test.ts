import * as assert from 'assert';
import { at, expectFindings, expectNone } from '../helpers/lint';
import { loadIamData } from '../../server/src/engine';

/** Connect write actions the pattern matches, counted from the catalogue independently of the rule. */
function writesMatching(test: (name: string) => boolean): number {
  return loadIamData().actionsOf('connect').filter((a) => a.accessLevel !== 'Read' && a.accessLevel !== 'List' && test(a.name)).length;
}

describe('connect-wildcard-allow', () => {
  it('reports connect:* with the number of write actions it grants', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["connect:DescribeUser", "connect:*"], "Resource": "*" }]\n}';
    const [f] = expectFindings('connect-wildcard-allow', 'identity', text, 'warning', [at(text, '"connect:*"')]);
    const n = writesMatching(() => true);
    assert.ok(f.message.includes(`grants ${n} Amazon Connect write actions`), f.message);
    assert.ok(f.message.includes('connect:AdminGetEmergencyAccessToken'), 'privilege changes are named first: ' + f.message);
  });
  it('reports "*", connect*:* and a mid-name wildcard, each on its own item', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["*"], "Resource": "*"}, {"Effect": "Allow", "Action": ["connect*:*", "connect:*Instance*"], "Resource": "*"}]}';
    const got = expectFindings('connect-wildcard-allow', 'identity', text, 'warning', [at(text, '"*"'), at(text, '"connect*:*"'), at(text, '"connect:*Instance*"')]);
    const inst = writesMatching((n) => n.toLowerCase().includes('instance'));
    assert.ok(got[2].message.includes(`grants ${inst} Amazon Connect write action`), got[2].message);
  });
  it('reports NotAction on its key', () => {
    const text = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}}';
    const [f] = expectFindings('connect-wildcard-allow', 'identity', text, 'warning', [at(text, '"NotAction"')]);
    assert.match(f.message, /NotAction with Allow grants \d+ Amazon Connect write actions/);
  });
  it('subtracts actions an unconditional Deny takes back', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:Delete*", "Resource": "*"}, {"Effect": "Deny", "Action": "connect:DeleteInstance", "Resource": "*"}]}';
    const [f] = expectFindings('connect-wildcard-allow', 'identity', text, 'warning', [at(text, '"connect:Delete*"')]);
    const n = writesMatching((a) => a.startsWith('Delete')) - 1;
    assert.ok(f.message.includes(`grants ${n} Amazon Connect write actions`), f.message);
  });
  it('is silent for read-only wildcards, explicit actions, Deny statements and other services', () => {
    expectNone('connect-wildcard-allow', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["connect:Describe*", "connect:List*", "connect:Search*", "connect:CreateQueue"], "Resource": "*"}]}');
    expectNone('connect-wildcard-allow', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "connect:*", "Resource": "*"}]}');
    expectNone('connect-wildcard-allow', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["voiceid:*", "s3:*"], "Resource": "*"}]}');
  });
  it('reports a repeated item once and stays fast on adversarial wildcards', () => {
    const evil = 'connect:' + '*a'.repeat(5000) + 'b';
    const stars = 'connect:' + '*'.repeat(20000);
    const text = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["connect:Delete*", "connect:Delete*", "${evil}", "${stars}"], "Resource": "*"}]}`;
    const started = Date.now();
    expectFindings('connect-wildcard-allow', 'identity', text, 'warning', [at(text, '"connect:Delete*"'), at(text, `"${stars}"`)]);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  });
  it('does not apply to SCPs (an SCP Allow grants nothing)', () => {
    expectNone('connect-wildcard-allow', 'scp', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}');
  });
});
