import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';
import { loadIamData } from '../../server/src/engine';

const doc = (actions: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Deny", "Action": ${actions}, "Resource": "*" }]\n}`;

describe('unknown-action', () => {
  it('reports the name part of an action its service does not define, with the data version', () => {
    const text = doc('["connect:DescribeUser", "connect:DescribeUsr", "voiceid:Bogus"]');
    const got = expectFindings('unknown-action', 'scp', text, 'warning', [at(text, 'DescribeUsr'), at(text, 'Bogus')]);
    assert.ok(got[0].message.includes(loadIamData().dataVersion), got[0].message);
    assert.match(got[0].message, /Did you mean "connect:DescribeUser"/);
  });
  it('checks names under an upper-case prefix too', () => {
    const text = doc('"Connect:DescribeUsr"');
    expectFindings('unknown-action', 'identity', text, 'warning', [at(text, 'DescribeUsr')]);
  });
  it('is silent on real actions in any case, wildcards and unknown services', () => {
    expectNone('unknown-action', 'identity', doc('["connect:describeuser", "connect:List*", "conect:Bogus", "*"]'));
  });
  it('fix uses the canonical spelling of the nearest action', () => {
    const fixed = expectFixRoundTrip('unknown-action', 'identity', doc('"connect:DescribeUsr"'));
    assert.strictEqual(fixed, doc('"connect:DescribeUser"'));
  });
});
