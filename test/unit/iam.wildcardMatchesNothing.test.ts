import * as assert from 'assert';
import { at, expectFindings, expectNone } from '../helpers/lint';

const doc = (actions: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ${actions}, "Resource": "*" }]\n}`;

describe('wildcard-matches-nothing', () => {
  it('warns on a name pattern that matches no action, and on a service pattern that matches none', () => {
    const text = doc('["connect:Creat*Usr", "conn*ct:Zzz*", "connect:Create*"]');
    const got = expectFindings('wildcard-matches-nothing', 'identity', text, 'warning', [at(text, 'Creat*Usr'), at(text, 'conn*ct:Zzz*')]);
    assert.match(got[0].message, /matches no action/);
  });
  it('informs when a service wildcard reaches other services, naming them', () => {
    const text = doc('["connect*:Delete*"]');
    const got = expectFindings('wildcard-matches-nothing', 'endpoint', text, 'info', [at(text, 'connect*')]);
    assert.match(got[0].message, /connect-campaigns besides connect/);
  });
  it('informs on a service wildcard that reaches one service today', () => {
    const text = doc('["voicei?:Describe*"]');
    const got = expectFindings('wildcard-matches-nothing', 'identity', text, 'info', [at(text, 'voicei?')]);
    assert.match(got[0].message, /only voiceid today/);
  });
  it('is silent on patterns that match, "*" and unknown services', () => {
    expectNone('wildcard-matches-nothing', 'identity', doc('["connect:List*", "*", "voiceid:*", "conect:List*", "connect:Describe?ser"]'));
  });
});

describe('wildcard-matches-nothing: service wildcards in ARNs', () => {
  const res = (element: string, arns: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Deny", "Action": "connect:DeleteInstance", "${element}": ${arns} }]\n}`;
  it('reports a partial wildcard in the service part of a Resource or NotResource ARN, as information', () => {
    const text = res('Resource', '["arn:aws:connect*:eu-west-2:111122223333:instance/abc", "arn:aws:connect:eu-west-2:111122223333:instance/*"]');
    expectFindings('wildcard-matches-nothing', 'scp', text, 'info', [at(text, 'connect*', 0)]);
    const not = res('NotResource', '"arn:aws:s3?:::bucket"');
    expectFindings('wildcard-matches-nothing', 'scp', not, 'info', [at(not, 's3?')]);
  });
  it('is silent for a bare "*" service, wildcards elsewhere in the ARN, and non-ARNs', () => {
    expectNone('wildcard-matches-nothing', 'scp', res('Resource', '["arn:aws:*:*:111122223333:*", "arn:aws:connect:*:*:instance/*", "*", "arn:aws:s3"]'));
  });
});
