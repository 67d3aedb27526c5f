import * as assert from 'assert';
import { at, expectFindings, expectNone } from '../helpers/lint';

describe('missing-principal', () => {
  const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "voiceid:DescribeDomain", "Resource": "*"}]}';
  it('reports endpoint, resource and trust statements without Principal on the opening brace', () => {
    const range = { offset: at(text, '{"Effect"').offset, length: 1 };
    for (const kind of ['endpoint', 'resource', 'trust'] as const) {
      const [f] = expectFindings('missing-principal', kind, text, 'error', [range]);
      assert.match(f.message, /Principal/);
    }
  });
  it('does not apply to identity policies or SCPs', () => {
    expectNone('missing-principal', 'identity', text);
    expectNone('missing-principal', 'scp', text);
  });
  it('is silent with Principal or NotPrincipal', () => {
    expectNone('missing-principal', 'endpoint', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/App"}, "Action": "voiceid:DescribeDomain", "Resource": "*"}]}');
    expectNone('missing-principal', 'resource', '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/App"}, "Action": "kms:*", "Resource": "*"}]}');
  });
});
