import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip, findingsOf } from '../helpers/lint';

const resource = (principal: string) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": ${principal}, "Action": "kms:Decrypt", "Resource": "*"}]}`;
const trust = (principal: string, action = '"sts:AssumeRole"', extra = '') => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": ${principal}, "Action": ${action}${extra}}]}`;

describe('principal-shape', () => {
  it('reports a bare string principal and offers to wrap it', () => {
    const text = resource('"arn:aws:iam::111122223333:role/App"');
    const [f] = expectFindings('principal-shape', 'resource', text, 'error', [at(text, '"arn:aws:iam::111122223333:role/App"')]);
    assert.match(f.message, /\{ "AWS": /);
    assert.strictEqual(expectFixRoundTrip('principal-shape', 'resource', text), resource('{"AWS":"arn:aws:iam::111122223333:role/App"}'));
  });
  it('reports unknown principal keys, with a case fix', () => {
    const text = resource('{"service": "connect.amazonaws.com", "Users": "x"}');
    expectFindings('principal-shape', 'resource', text, 'error', [at(text, '"service"'), at(text, '"Users"')]);
    assert.strictEqual(expectFixRoundTrip('principal-shape', 'resource', text, {}, 0).includes('"Service": "connect.amazonaws.com"'), true);
  });
  it('reports wildcards inside principal values', () => {
    const text = resource('{"AWS": ["arn:aws:iam::111122223333:role/Connect*", "*"]}');
    expectFindings('principal-shape', 'endpoint', text, 'error', [at(text, '"arn:aws:iam::111122223333:role/Connect*"')]);
  });
  it('checks AWS, Service and CanonicalUser values', () => {
    const text = resource('{"AWS": ["111122223333", "arn:aws:iam::111122223333:root", "arn:aws:sts::111122223333:assumed-role/R/s", "arn:aws:sts::111122223333:federated-user/Bob", "arn:aws-cn:iam::111122223333:role/path/App", "1234", "arn:aws:iam::111122223333:group/Admins", "AROAEXAMPLEID1234567"], "Service": ["connect.amazonaws.com", "voiceid.eu-west-2.amazonaws.com", "delivery.logs.amazonaws.com", "ec2.amazonaws.com.cn", "Connect.amazonaws.com", "lambda"], "CanonicalUser": "abc"}');
    const f = findingsOf('principal-shape', 'resource', text);
    assert.deepStrictEqual(f.map((x) => [text.substr(x.offset, x.length), x.severity]), [
      ['"1234"', 'error'], ['"arn:aws:iam::111122223333:group/Admins"', 'error'], ['"AROAEXAMPLEID1234567"', 'warning'], ['"Connect.amazonaws.com"', 'error'], ['"lambda"', 'error'], ['"abc"', 'error'],
    ]);
    assert.match(f[1].message, /groups cannot be principals/);
    assert.strictEqual(f[3].fixes?.[0].edits[0].content, '"connect.amazonaws.com"');
    assert.strictEqual(f[4].fixes?.[0].edits[0].content, '"lambda.amazonaws.com"');
  });
  it('reports a Federated principal outside trust policies', () => {
    const text = resource('{"Federated": "arn:aws:iam::111122223333:saml-provider/CorpIdP"}');
    const [f] = expectFindings('principal-shape', 'resource', text, 'error', [at(text, '"Federated"')]);
    assert.match(f.message, /only supported in role trust policies/);
  });
  it('trust: reports "*", { "AWS": "*" } and a Resource', () => {
    const star = trust('"*"');
    expectFindings('principal-shape', 'trust', star, 'error', [at(star, '"*"')]);
    const aws = trust('{"AWS": "*"}');
    expectFindings('principal-shape', 'trust', aws, 'error', [at(aws, '"*"')]);
    const res = trust('{"Service": "connect.amazonaws.com"}', '"sts:AssumeRole"', ', "Resource": "*"');
    expectFindings('principal-shape', 'trust', res, 'error', [at(res, '"Resource"')]);
    assert.strictEqual(expectFixRoundTrip('principal-shape', 'trust', res), trust('{"Service": "connect.amazonaws.com"}'));
  });
  it('trust: a SAML provider needs sts:AssumeRoleWithSAML, an OIDC provider sts:AssumeRoleWithWebIdentity', () => {
    const saml = trust('{"Federated": "arn:aws:iam::111122223333:saml-provider/CorpIdP"}');
    const [f] = expectFindings('principal-shape', 'trust', saml, 'error', [at(saml, '"sts:AssumeRole"')]);
    assert.match(f.message, /AssumeRoleWithSAML/);
    assert.strictEqual(expectFixRoundTrip('principal-shape', 'trust', saml), saml.replace('"sts:AssumeRole"', '"sts:AssumeRoleWithSAML"'));
    const oidc = trust('{"Federated": "cognito-identity.amazonaws.com"}', '["sts:AssumeRoleWithSAML"]');
    expectFindings('principal-shape', 'trust', oidc, 'error', [at(oidc, '["sts:AssumeRoleWithSAML"]')]);
    expectNone('principal-shape', 'trust', trust('{"Federated": "arn:aws:iam::111122223333:saml-provider/CorpIdP"}', '["sts:AssumeRoleWithSAML", "sts:TagSession"]'));
    expectNone('principal-shape', 'trust', trust('{"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}', '"sts:AssumeRole*"'));
  });
  it('trust: reports a malformed federated principal', () => {
    const text = trust('{"Federated": "arn:aws:iam::111122223333:role/Idp"}', '"sts:AssumeRoleWithSAML"');
    expectFindings('principal-shape', 'trust', text, 'error', [at(text, '"arn:aws:iam::111122223333:role/Idp"')]);
  });
  it('is silent on well-formed principals; empty ones are left to empty-value', () => {
    expectNone('principal-shape', 'resource', resource('"*"'));
    expectNone('principal-shape', 'resource', resource('{"AWS": ["arn:aws:iam::111122223333:role/ConnectApp", "111122223333"], "Service": "connect.amazonaws.com", "CanonicalUser": "' + 'a'.repeat(64) + '"}'));
    expectNone('principal-shape', 'resource', resource('{}'));
    expectNone('principal-shape', 'resource', resource('{"AWS": []}'));
    expectNone('principal-shape', 'trust', trust('{"Service": "connect.amazonaws.com"}'));
  });
});

describe('principal-shape: assumed-role sessions beside their role in a trust policy', () => {
  const trustAws = (list: string) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ${list}}, "Action": "sts:AssumeRole"}]}`;
  it('reports the session as information and removes it', () => {
    const text = trustAws('["arn:aws:iam::111122223333:role/ops/ConnectAdmin", "arn:aws:sts::111122223333:assumed-role/ConnectAdmin/alice", "arn:aws:sts::111122223333:assumed-role/Other/bob"]');
    const [f] = expectFindings('principal-shape', 'trust', text, 'info', [at(text, '"arn:aws:sts::111122223333:assumed-role/ConnectAdmin/alice"')]);
    assert.strictEqual(f.related![0].offset, at(text, '"arn:aws:iam::111122223333:role/ops/ConnectAdmin"').offset);
    assert.strictEqual(expectFixRoundTrip('principal-shape', 'trust', text), trustAws('["arn:aws:iam::111122223333:role/ops/ConnectAdmin", "arn:aws:sts::111122223333:assumed-role/Other/bob"]'));
  });
  it('is silent for a session of a role of another account or name, and outside trust policies', () => {
    expectNone('principal-shape', 'trust', trustAws('["arn:aws:iam::111122223333:role/ConnectAdmin", "arn:aws:sts::444455556666:assumed-role/ConnectAdmin/alice", "arn:aws:sts::111122223333:assumed-role/ConnectAdmin2/alice"]'));
    const resource = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/R", "arn:aws:sts::111122223333:assumed-role/R/s"]}, "Action": "kms:Decrypt", "Resource": "*"}]}`;
    expectNone('principal-shape', 'resource', resource);
  });
});
