import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';

describe('principal-not-allowed', () => {
  const identity = '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "AWS": "arn:aws:iam::111122223333:root" },\n    "Action": "connect:DescribeUser",\n    "Resource": "*"\n  }]\n}';
  it('reports Principal in an identity policy and NotPrincipal in an SCP, on the key', () => {
    expectFindings('principal-not-allowed', 'identity', identity, 'error', [at(identity, '"Principal"')]);
    const scp = '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"}, "Action": "connect:DeleteInstance", "Resource": "*"}]}';
    const [f] = expectFindings('principal-not-allowed', 'scp', scp, 'error', [at(scp, '"NotPrincipal"')]);
    assert.match(f.message, /AWS Organizations/);
  });
  it('reports NotPrincipal in a trust policy, Principal there is fine', () => {
    const trust = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "connect.amazonaws.com"}, "NotPrincipal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}';
    expectFindings('principal-not-allowed', 'trust', trust, 'error', [at(trust, '"NotPrincipal"')]);
    expectNone('principal-not-allowed', 'trust', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "connect.amazonaws.com"}, "Action": "sts:AssumeRole"}]}');
  });
  it('does not apply to resource or endpoint policies', () => {
    expectNone('principal-not-allowed', 'resource', identity);
    expectNone('principal-not-allowed', 'endpoint', identity);
  });
  it('fix removes the element and keeps the layout', () => {
    const fixed = expectFixRoundTrip('principal-not-allowed', 'identity', identity);
    assert.strictEqual(fixed, '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:DescribeUser",\n    "Resource": "*"\n  }]\n}');
  });
  it('fix in a trust policy removes NotPrincipal when a Principal remains', () => {
    const trust = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "connect.amazonaws.com"}, "Action": "sts:AssumeRole", "NotPrincipal": {"AWS": "111122223333"}}]}';
    assert.strictEqual(expectFixRoundTrip('principal-not-allowed', 'trust', trust), '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "connect.amazonaws.com"}, "Action": "sts:AssumeRole"}]}');
  });
});
