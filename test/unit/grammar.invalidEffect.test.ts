import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip, findingsOf } from '../helpers/lint';

describe('invalid-effect', () => {
  it('reports a case variant and an unknown word on the value', () => {
    const text = '{"Version": "2012-10-17", "Statement": [\n  {"Effect": "deny", "Action": "connect:DeleteInstance", "Resource": "*"},\n  {"Effect": "Permit", "Action": "connect:ListUsers", "Resource": "*"}\n]}';
    const f = expectFindings('invalid-effect', 'scp', text, 'error', [at(text, '"deny"'), at(text, '"Permit"')]);
    assert.match(f[0].message, /write "Deny"/);
    assert.strictEqual(f[1].fixes, undefined);
  });
  it('reports a missing Effect on the statement\'s opening brace', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Action": "connect:ListUsers", "Resource": "*"}]}';
    const [f] = expectFindings('invalid-effect', 'identity', text, 'error', [{ offset: text.indexOf('{"Action"'), length: 1 }]);
    assert.match(f.message, /statement 1 has no "Effect"/i);
  });
  it('one finding per problem: wrong type is invalid-type, misspelt key is unknown-element', () => {
    const typed = '{"Version": "2012-10-17", "Statement": [{"Effect": true, "Action": "connect:ListUsers", "Resource": "*"}]}';
    expectNone('invalid-effect', 'identity', typed);
    expectFindings('invalid-type', 'identity', typed, 'error', [at(typed, 'true')]);
    const typo = '{"Version": "2012-10-17", "Statement": [{"Efect": "Allow", "Action": "connect:ListUsers", "Resource": "*"}]}';
    expectNone('invalid-effect', 'identity', typo);
    assert.strictEqual(findingsOf('unknown-element', 'identity', typo).length, 1);
  });
  it('is silent on Allow and Deny', () => {
    expectNone('invalid-effect', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"}, {"Effect": "Deny", "Action": "connect:DeleteInstance", "Resource": "*"}]}');
  });
  it('fix corrects the case', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "connect:ListUsers", "Resource": "*"}]}';
    assert.strictEqual(expectFixRoundTrip('invalid-effect', 'identity', text), text.replace('"allow"', '"Allow"'));
  });
});
