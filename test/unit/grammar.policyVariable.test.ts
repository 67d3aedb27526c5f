import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';
import { findVariables } from '../../server/src/engine/rules/grammar/policyVariable';

const ARN = 'arn:aws:connect:eu-west-2:111122223333:instance/11111111-2222-3333-4444-555555555555';
const policy = (resource: string, extra = '', version = '"Version": "2012-10-17", ') =>
  `{${version}"Statement": [{"Effect": "Allow", "Action": "connect:DescribeUser", "Resource": ${JSON.stringify(resource)}${extra}}]}`;

describe('policy-variable', () => {
  it('accepts the documented Connect SAML pattern and special escapes', () => {
    expectNone('policy-variable', 'identity', policy(`${ARN}/user/\${aws:userid}`));
    expectNone('policy-variable', 'identity', policy(`${ARN}/agent/\${aws:username, 'none'}\${*}`, ', "Condition": {"StringEquals": {"aws:ResourceTag/Team": "${aws:PrincipalTag/Team}"}, "ArnLike": {"aws:SourceArn": "arn:aws:iam::${aws:PrincipalAccount}:role/*"}}'));
  });
  it('finds variables, closed or not', () => {
    assert.deepStrictEqual(findVariables('a${b}c${d'), [{ start: 1, end: 5, body: 'b' }, { start: 6, end: 9, body: undefined }]);
    assert.deepStrictEqual(findVariables('${a${b}'), [{ start: 0, end: 3, body: undefined }, { start: 3, end: 7, body: 'b' }]);
  });
  it('reports a missing brace, an empty variable, a space and an unquoted default, on the variable', () => {
    const text = policy(`${ARN}/agent/\${aws:userid`);
    expectFindings('policy-variable', 'identity', text, 'error', [at(text, '${aws:userid')]);
    const empty = policy(`${ARN}/agent/\${}`);
    expectFindings('policy-variable', 'identity', empty, 'error', [at(empty, '${}')]);
    const space = policy(`${ARN}/agent/\${aws: userid}`);
    expectFindings('policy-variable', 'identity', space, 'error', [at(space, '${aws: userid}')]);
    const unquoted = policy(`${ARN}/agent/\${aws:username, nobody}`);
    const [f] = expectFindings('policy-variable', 'identity', unquoted, 'error', [at(unquoted, '${aws:username, nobody}')]);
    assert.match(f.message, /single quotes/);
  });
  it('ranges follow escapes in the raw text', () => {
    const text = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b\\/\\u0061/\${aws: username}"}]}`;
    expectFindings('policy-variable', 'identity', text, 'error', [at(text, '${aws: username}')]);
  });
  it('reports variables outside Resource and Condition', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Action": "connect:${aws:username}", "Resource": "*"}]}';
    const [f] = expectFindings('policy-variable', 'identity', text, 'error', [at(text, '${aws:username}')]);
    assert.match(f.message, /in "Action" is literal/);
  });
  it('reports variables without Version 2012-10-17', () => {
    const none = policy(`${ARN}/user/\${aws:userid}`, '', '');
    expectFindings('policy-variable', 'identity', none, 'error', [at(none, '${aws:userid}')]);
    const old = policy(`${ARN}/user/\${aws:userid}`, '', '"Version": "2008-10-17", ');
    const [f] = expectFindings('policy-variable', 'identity', old, 'error', [at(old, '${aws:userid}')]);
    assert.match(f.message, /"Version" is "2008-10-17"/);
  });
  it('reports variables under operators other than String and ARN', () => {
    const text = policy('*', ', "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "${aws:PrincipalTag/MaxAge}"}}');
    const [f] = expectFindings('policy-variable', 'identity', text, 'error', [at(text, '${aws:PrincipalTag/MaxAge}')]);
    assert.match(f.message, /NumericLessThan/);
  });
  it('fixes a space and an unquoted default', () => {
    assert.strictEqual(expectFixRoundTrip('policy-variable', 'identity', policy(`${ARN}/agent/\${ aws:userid }`)), policy(`${ARN}/agent/\${aws:userid}`));
    // In a condition: invalid-arn (another family) flags the documented ", " of a default inside an ARN.
    const cond = (v: string) => policy('*', `, "Condition": {"StringEquals": {"aws:ResourceTag/Team": "${v}"}}`);
    assert.strictEqual(expectFixRoundTrip('policy-variable', 'identity', cond('${aws:PrincipalTag/Team,none}')), cond("${aws:PrincipalTag/Team, 'none'}"));
  });
});
