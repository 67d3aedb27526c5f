import * as assert from 'assert';
import { expectFindings, expectNone, findingsOf } from '../helpers/lint';
import { sizeWithoutWhitespace } from '../../server/src/engine/rules/grammar/policySize';
import { DEFAULT_SETTINGS } from '../../server/src/engine';

/** A policy whose size without whitespace is exactly `target` characters. */
function sized(target: number, padding = '', principal = false): string {
  const head = `{"Version":"2012-10-17","Statement":[{"Effect":"Deny",${principal ? '"Principal":{"AWS":"111122223333"},' : ''}"Action":"connect:DeleteInstance","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/x":"`;
  const tail = '"}}}]}';
  const text = head + 'a'.repeat(target - head.length - tail.length) + tail;
  assert.strictEqual(sizeWithoutWhitespace(text), target);
  return padding ? text.replace(/,/g, `,${padding}`) : text;
}

describe('policy-size', () => {
  it('measures without whitespace outside strings; spaces inside strings count', () => {
    assert.strictEqual(sizeWithoutWhitespace('{ "a b" :\n\t[ 1 , "c\\" d" ] }'), '{"a b":[1,"c\\" d"]}'.length);
  });
  it('identity: over 6,144 characters without whitespace is reported on the opening brace', () => {
    const [f] = expectFindings('policy-size', 'identity', sized(6145), 'error', [{ offset: 0, length: 1 }]);
    assert.match(f.message, /6,145 characters without whitespace outside strings, over the managed policy quota of 6,144/);
    expectNone('policy-size', 'identity', sized(6144, '\n        '));
  });
  it('a leading byte order mark does not count', () => {
    expectNone('policy-size', 'identity', '\ufeff' + sized(6144));
    expectNone('policy-size', 'endpoint', '\ufeff' + sized(20480, '', true));
    expectFindings('policy-size', 'identity', '\ufeff' + sized(6145), 'error', [{ offset: 1, length: 1 }]);
  });
  it('scp: 5,120, measured without whitespace', () => {
    const [f] = expectFindings('policy-size', 'scp', sized(5121), 'error', [{ offset: 0, length: 1 }]);
    assert.match(f.message, /5,121 characters without whitespace outside strings, over the SCP quota of 5,120/);
    expectNone('policy-size', 'scp', sized(5120, '    '));
  });
  it('endpoint: 20,480 including whitespace', () => {
    const text = sized(20000, ' '.repeat(200), true);
    assert.ok(text.length > 20480);
    const [f] = expectFindings('policy-size', 'endpoint', text, 'error', [{ offset: 0, length: 1 }]);
    assert.match(f.message, new RegExp(`${text.length.toLocaleString('en-US')} characters including whitespace`));
    expectNone('policy-size', 'endpoint', sized(20480, '', true));
  });
  it('resource: a conservative 20,480, as a warning that says it varies', () => {
    const [f] = expectFindings('policy-size', 'resource', sized(20481, '', true), 'warning', [{ offset: 0, length: 1 }]);
    assert.match(f.message, /varies by service/);
  });
  it('trust: 2,048 by default, trustPolicyQuota raises it up to 4,096', () => {
    expectFindings('policy-size', 'trust', sized(2049, '', true), 'error', [{ offset: 0, length: 1 }]);
    const raised = { settings: { ...DEFAULT_SETTINGS, trustPolicyQuota: 4096 } };
    expectNone('policy-size', 'trust', sized(4096, '', true), raised);
    const [f] = findingsOf('policy-size', 'trust', sized(4097, '', true), { settings: { ...DEFAULT_SETTINGS, trustPolicyQuota: 10000 } });
    assert.match(f.message, /of 4,096/);
  });
});
