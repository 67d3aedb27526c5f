import { at, expectFindings, expectNone } from '../helpers/lint';

const noResource = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:DescribeQueue"}]}';

describe('missing-resource', () => {
  it('reports identity, scp, endpoint and resource statements without Resource', () => {
    const range = { offset: at(noResource, '{"Effect"').offset, length: 1 };
    for (const kind of ['identity', 'scp'] as const) expectFindings('missing-resource', kind, noResource, 'error', [range]);
    const withPrincipal = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "voiceid:DescribeDomain"}]}';
    for (const kind of ['endpoint', 'resource'] as const) expectFindings('missing-resource', kind, withPrincipal, 'error', [{ offset: at(withPrincipal, '{"Effect"').offset, length: 1 }]);
  });
  it('does not apply to trust policies', () => {
    expectNone('missing-resource', 'trust', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "connect.amazonaws.com"}, "Action": "sts:AssumeRole"}]}');
  });
  it('is silent with Resource or NotResource', () => {
    expectNone('missing-resource', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:DescribeQueue", "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/*/queue/*"}]}');
    expectNone('missing-resource', 'scp', '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "connect:*", "NotResource": "arn:aws:connect:eu-west-2:111122223333:instance/abc"}]}');
  });
});
