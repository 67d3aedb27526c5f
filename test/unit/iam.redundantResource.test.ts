import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip } from '../helpers/lint';

const RULE = 'redundant-resource';
const doc = (element: string, resources: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Deny", "Action": "connect:DeleteQueue", "${element}": ${resources} }]\n}`;
const I = 'arn:aws:connect:eu-west-2:111122223333:instance/abc';

describe('redundant-resource', () => {
  it('reports exact repetitions and ARNs covered by a wildcard ARN of the same list', () => {
    const text = doc('Resource', `["${I}/queue/q1", "${I}/*", "${I}/queue/q2", "${I}/queue/q2", "${I}/queue/*"]`);
    const got = expectFindings(RULE, 'scp', text, 'info', [
      at(text, `"${I}/queue/q1"`), at(text, `"${I}/queue/q2"`), at(text, `"${I}/queue/q2"`, 1), at(text, `"${I}/queue/*"`),
    ]);
    assert.match(got[0].message, /already matched by "arn:aws:connect:eu-west-2:111122223333:instance\/abc\/\*"/);
    assert.match(got[2].message, /listed twice in Resource/);
    assert.strictEqual(got[2].related![0].offset, at(text, `"${I}/queue/q2"`).offset);
  });
  it('compares ARNs case-sensitively, as IAM matches them', () => {
    expectNone(RULE, 'scp', doc('Resource', `["${I}/queue/*", "${I}/QUEUE/q1", "${I}/Queue/q1"]`));
    const text = doc('NotResource', '["arn:aws:s3:::Bucket/*", "arn:aws:s3:::bucket/key"]');
    expectNone(RULE, 'scp', text);
  });
  it('keeps the first of two patterns that cover each other, and "*" covers everything', () => {
    const text = doc('NotResource', `["*", "**", "${I}"]`);
    expectFindings(RULE, 'scp', text, 'info', [at(text, '"**"'), at(text, `"${I}"`)]);
  });
  it('compares items with policy variables only for exact repetition', () => {
    expectNone(RULE, 'identity', doc('Resource', `["${I}/agent/\${aws:userid}", "${I}/agent/????????", "${I}/\${aws:username}*"]`));
    const text = doc('Resource', `["${I}/agent/\${aws:userid}", "${I}/agent/\${aws:userid}"]`);
    expectFindings(RULE, 'identity', text, 'info', [at(text, `"${I}/agent/\${aws:userid}"`, 1)]);
  });
  it('removes the redundant item', () => {
    const text = doc('Resource', `["${I}/*", "${I}/queue/q1"]`);
    assert.strictEqual(expectFixRoundTrip(RULE, 'scp', text), doc('Resource', `["${I}/*"]`));
  });
});
