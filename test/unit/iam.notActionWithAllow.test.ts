import * as assert from 'assert';
import { at, expectFindings, expectNone } from '../helpers/lint';
import { loadIamData } from '../../server/src/engine';

describe('not-action-with-allow', () => {
  it('warns on the NotAction key and counts what it grants', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*" }]\n}';
    const got = expectFindings('not-action-with-allow', 'identity', text, 'warning', [at(text, '"NotAction"')]);
    const iam = loadIamData();
    const expected = iam.allActions().length - iam.actionsOf('iam').length - iam.actionsOf('organizations').length;
    const connectWrite = iam.actionsOf('connect').filter((a) => a.accessLevel === 'Write').length;
    assert.ok(got[0].message.includes(`${expected} actions`), got[0].message);
    assert.ok(got[0].message.includes(`${connectWrite} of them Amazon Connect write actions`), got[0].message);
  });
  it('is silent on Deny with NotAction and on Allow with Action', () => {
    expectNone('not-action-with-allow', 'scp', '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "connect:Describe*", "Resource": "*"}]}');
    expectNone('not-action-with-allow', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:Describe*", "Resource": "*"}]}');
  });
});
