import { Rule, POLICY_KINDS, Fix } from '../../types';
import { stringItems } from '../../json';
import { arnProblemsCached } from './arnProblems';
import { rangeInString } from './stringRange';

export const invalidArn: Rule = {
  id: 'CG2004',
  name: 'invalid-arn',
  defaultSeverity: 'error',
  short: 'A Resource or NotResource entry is not a valid ARN',
  description:
    'Resources are "*" or ARNs of the form arn:partition:service:region:account:resource. connect-guard checks the prefix, the number of fields, the partition, the service (lower case, known), the Region and account shapes, whether the service\'s ARNs carry a Region and an account at all (from the ARN formats in the IAM data), placeholders left from documentation (`<instance-id>`, `${InstanceId}`, `INSTANCE_ID`, `xxxx`, the example account 123456789012) and white space.',
  kinds: POLICY_KINDS.filter((k) => k !== 'trust'),
  tags: ['iam', 'resources'],
  accessAnalyzer: [
    'ARN account not allowed', 'ARN Region not allowed', 'Invalid ARN account', 'Invalid ARN prefix', 'Invalid ARN Region',
    'Invalid ARN resource', 'Invalid ARN service case', 'Invalid partition', 'Missing ARN field', 'Missing ARN Region',
  ],
  fixable: true,
  docs: {
    rationale: 'A malformed ARN matches no resource. In an Allow, agents and integrations lose access; in a Deny or an SCP guardrail, the resource the statement was written to protect (the Connect instance, its service-linked role) is left unprotected, and nothing tells you.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:DescribeUser",\n    "Resource": "arn:aws:connect:eu-west-2:<account-id>:instance/INSTANCE_ID/agent/*"\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:DescribeUser",\n    "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d/agent/*"\n  }]\n}',
    fix: 'Write the ARN in the format the Service Authorization Reference gives for the resource type; replace every placeholder. Quick-fixes lower-case the prefix, service and partition, remove a Region or account the service does not use, and rename Amazon Connect path steps written with their API names (`hierarchy-group` is `agent-group` in ARNs, `quick-connect` is `transfer-destination`).',
    notes: 'Policy variables (`${aws:userid}`, `${aws:PrincipalTag/Team}`) and the escapes `${*}`, `${?}`, `${$}` are legal in ARNs. A resource part that fits no documented format is a warning, since the data lags AWS by days, and is checked only for the Amazon Connect family of services (connect, voiceid, wisdom, profile, cases, app-integrations, connect-campaigns), where the formats were reviewed. The Amazon Connect SAML pattern `instance/<id>/user/${aws:userid}` is not reported here.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      const prop = s.el.Resource ?? s.el.NotResource;
      if (!prop) continue;
      for (const item of stringItems(prop.value)) {
        for (const pr of arnProblemsCached(ctx.iam, item.value)) {
          const range = rangeInString(ctx.text, item.node, pr.start, pr.end);
          const fixes: Fix[] | undefined = pr.replace
            ? [{ title: pr.replace.title, edits: [{ offset: range.offset, length: range.length, content: pr.replace.content }], preferred: true }]
            : undefined;
          ctx.report({ message: pr.message, ...range, ...(pr.severity ? { severity: pr.severity } : {}), ...(fixes ? { fixes } : {}), data: { resource: item.value } });
        }
      }
    }
  },
};
