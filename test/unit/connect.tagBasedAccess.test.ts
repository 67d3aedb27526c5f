import * as assert from 'assert';
import { at, expectFindings, expectNone, lintAs } from '../helpers/lint';

describe('connect-tag-based-access', () => {
  it('reports Resource "*" for taggable write actions without aws:ResourceTag', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": ["connect:UpdateQueueName", "connect:UpdateQueueHoursOfOperation", "connect:DescribeQueue"],\n    "Resource": ["arn:aws:connect:eu-west-2:111122223333:instance/9f3c4e1a-7b2d-4c5e-8f90-1a2b3c4d5e6f", "*"]\n  }]\n}';
    const [f] = expectFindings('connect-tag-based-access', 'identity', text, 'info', [at(text, '"*"')]);
    assert.match(f.message, /^Resource "\*" lets 2 Amazon Connect write actions \(connect:UpdateQueueHoursOfOperation, connect:UpdateQueueName\)/);
    assert.strictEqual(f.fixes, undefined, 'no fix: the tag is a decision');
  });
  it('is silent with an aws:ResourceTag condition, on named resources, for read actions, and for actions without tag support', () => {
    expectNone('connect-tag-based-access', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:UpdateQueueName", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/Team": "Claims"}}}]}');
    expectNone('connect-tag-based-access', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:UpdateQueueName", "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/9f3c4e1a-7b2d-4c5e-8f90-1a2b3c4d5e6f/queue/*"}]}');
    expectNone('connect-tag-based-access', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["connect:Describe*", "connect:List*"], "Resource": "*"}]}');
    expectNone('connect-tag-based-access', 'identity', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:CreateInstance", "Resource": "*"}]}');
  });
  it('honours a configured severity', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "connect:UpdateQueueName", "Resource": "*"}]}';
    const settings = { rules: { 'connect-tag-based-access': 'warning' as const }, cloudtrail: { adminPrincipals: [], allowedCidrs: [], allowedVpcEndpoints: [] } };
    expectFindings('connect-tag-based-access', 'identity', text, 'warning', [at(text, '"*"')], { settings });
    assert.ok(lintAs('identity', text).some((x) => x.rule === 'connect-tag-based-access' && x.severity === 'info'));
  });
});
