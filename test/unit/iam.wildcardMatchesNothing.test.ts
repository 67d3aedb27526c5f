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
