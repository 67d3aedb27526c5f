import { at, expectFindings, expectNone } from '../helpers/lint';

describe('not-resource-with-allow', () => {
  it('warns on the NotResource key of an Allow', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:*", "NotResource": "arn:aws:connect:eu-west-2:111122223333:instance/prod" }]\n}';
    expectFindings('not-resource-with-allow', 'identity', text, 'warning', [at(text, '"NotResource"')]);
  });
  it('is silent on Deny, on Resource, and in trust policies', () => {
    expectNone('not-resource-with-allow', 'scp', '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "connect:DeleteInstance", "NotResource": "arn:aws:connect:eu-west-2:111122223333:instance/dev"}]}');
    expectNone('not-resource-with-allow', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:*", "Resource": "*"}]}');
    expectNone('not-resource-with-allow', 'trust', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "NotResource": "x", "Principal": {"Service": "connect.amazonaws.com"}}]}');
  });
});
