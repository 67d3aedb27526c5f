import * as assert from 'assert';
import { at, expectFindings, expectNone, expectFixRoundTrip, findingsOf } from '../helpers/lint';

const stmt = (body: string) => `{"Version": "2012-10-17", "Statement": [{${body}}]}`;

describe('empty-value', () => {
  it('reports empty Action, Resource and empty items, on the value', () => {
    const text = stmt('"Effect": "Deny", "Action": [], "Resource": ["arn:aws:connect:eu-west-2:111122223333:instance/a", ""]');
    const f = expectFindings('empty-value', 'scp', text, 'warning', [at(text, '[]'), at(text, '""')]);
    assert.match(f[0].message, /this Deny denies nothing/);
  });
  it('reports an empty Sid as info', () => {
    const text = stmt('"Sid": "", "Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"');
    expectFindings('empty-value', 'identity', text, 'info', [at(text, '""')]);
  });
  it('reports empty principals in resource policies, not in identity policies (principal-not-allowed owns those)', () => {
    const text = stmt('"Effect": "Allow", "Principal": {}, "Action": "kms:Decrypt", "Resource": "*"');
    expectFindings('empty-value', 'resource', text, 'warning', [at(text, '{}')]);
    const list = stmt('"Effect": "Allow", "Principal": {"AWS": []}, "Action": "kms:Decrypt", "Resource": "*"');
    expectFindings('empty-value', 'endpoint', list, 'warning', [at(list, '[]')]);
    expectNone('empty-value', 'identity', text);
  });
  it('reports empty Condition, operator blocks and value lists, with the qualifier\'s meaning', () => {
    const text = stmt('"Effect": "Allow", "Action": "connect:TagResource", "Resource": "*", "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": []}, "ForAllValues:StringEquals": {"aws:TagKeys": []}, "StringEqualsIfExists": {"aws:ResourceTag/Team": []}, "StringEquals": {"aws:ResourceTag/Team": []}, "Bool": {}}');
    const f = expectFindings('empty-value', 'identity', text, 'warning', [at(text, '[]', 0), at(text, '[]', 1), at(text, '[]', 2), at(text, '[]', 3), at(text, '{}')]);
    assert.match(f[0].message, /never matches/);
    assert.match(f[1].message, /only requests without aws:TagKeys/);
    assert.match(f[2].message, /only requests without aws:ResourceTag\/Team/);
    assert.match(f[3].message, /no values/);
    const empty = stmt('"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*", "Condition": {}');
    expectFindings('empty-value', 'identity', empty, 'warning', [at(empty, '{}')]);
  });
  it('is silent on filled values and on empty condition strings (tags may be empty)', () => {
    expectNone('empty-value', 'identity', stmt('"Sid": "A", "Effect": "Allow", "Action": ["connect:ListUsers"], "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/Team": ""}}'));
  });
  it('leaves Resource in trust policies to principal-shape', () => {
    expectNone('empty-value', 'trust', stmt('"Effect": "Allow", "Principal": {"Service": "connect.amazonaws.com"}, "Action": "sts:AssumeRole", "Resource": []'));
  });
  it('fixes remove an empty Sid, Condition, operator block and empty list item', () => {
    assert.strictEqual(expectFixRoundTrip('empty-value', 'identity', stmt('"Sid": "", "Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"')), stmt('"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"'));
    assert.strictEqual(expectFixRoundTrip('empty-value', 'identity', stmt('"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*", "Condition": {}')), stmt('"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*"'));
    assert.strictEqual(
      expectFixRoundTrip('empty-value', 'identity', stmt('"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*", "Condition": {"Bool": {}, "StringEquals": {"aws:ResourceTag/Team": "A"}}')),
      stmt('"Effect": "Allow", "Action": "connect:ListUsers", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/Team": "A"}}'),
    );
    assert.strictEqual(expectFixRoundTrip('empty-value', 'identity', stmt('"Effect": "Allow", "Action": ["connect:ListUsers", ""], "Resource": "*"')), stmt('"Effect": "Allow", "Action": ["connect:ListUsers"], "Resource": "*"'));
    assert.strictEqual(findingsOf('empty-value', 'identity', stmt('"Effect": "Allow", "Action": [], "Resource": "*"'))[0].fixes, undefined);
  });
});
