import { at, expectFindings, expectNone } from '../helpers/lint';

describe('missing-action', () => {
  it('reports a statement without Action or NotAction on its opening brace', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"}, {"Sid": "Half", "Effect": "Allow", "Resource": "*"}]}';
    expectFindings('missing-action', 'identity', text, 'error', [{ offset: at(text, '{"Sid"').offset, length: 1 }]);
  });
  it('is silent with Action or NotAction, and when a misspelt key stands for it', () => {
    expectNone('missing-action', 'trust', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "connect.amazonaws.com"}, "Action": "sts:AssumeRole"}]}');
    expectNone('missing-action', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "connect:Describe*", "Resource": "*"}]}');
    expectNone('missing-action', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "notaction": "connect:Describe*", "Resource": "*"}]}');
  });
});
