import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip, lintAs } from '../helpers/lint';

describe('endpoint-connect-no-privatelink', () => {
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": "*",\n    "Action": ["voiceid:*", "connect:*", "connect:StartChatContact"],\n    "Resource": "*",\n    "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}\n  }]\n}';
  it('reports each core connect: action item', () => {
    const got = expectFindings('endpoint-connect-no-privatelink', 'endpoint', text, 'warning', [at(text, '"connect:*"'), at(text, '"connect:StartChatContact"')]);
    assert.match(got[0].message, /has no VPC endpoint, so this action in an endpoint policy controls nothing/);
  });
  it('fix removes the item; with several, the preferred fix removes them all', () => {
    const one = expectFixRoundTrip('endpoint-connect-no-privatelink', 'endpoint', text, {}, 1);
    assert.deepStrictEqual(JSON.parse(one).Statement[0].Action, ['voiceid:*', 'connect:StartChatContact']);
    const again = expectFixRoundTrip('endpoint-connect-no-privatelink', 'endpoint', one);
    assert.deepStrictEqual(JSON.parse(again).Statement[0].Action, ['voiceid:*']);
    const all = expectFixRoundTrip('endpoint-connect-no-privatelink', 'endpoint', text);
    assert.deepStrictEqual(JSON.parse(all).Statement[0].Action, ['voiceid:*']);
  });
  it('offers no removal when only connect: actions are listed', () => {
    const only = '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": ["connect:*"], "Resource": "*"}]}';
    const [f] = expectFindings('endpoint-connect-no-privatelink', 'endpoint', only, 'warning', [at(only, '"connect:*"')]);
    assert.strictEqual(f.fixes, undefined);
  });
  it('is silent for PrivateLink-capable services, "*" and connect-campaigns', () => {
    expectNone('endpoint-connect-no-privatelink', 'endpoint', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": ["voiceid:*", "profile:*", "cases:*", "app-integrations:*", "wisdom:*", "connect-campaigns:*", "*"], "Resource": "*"}]}');
  });
  it('does not apply to identity policies', () => {
    assert.ok(!lintAs('identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:ListQueues", "Resource": "*"}]}').some((f) => f.rule === 'endpoint-connect-no-privatelink'));
  });
});
