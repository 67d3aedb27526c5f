import { Rule, POLICY_KINDS } from '../../types';
import { stringItems } from '../../json';

export const notResourceWithAllow: Rule = {
  id: 'CG2008',
  name: 'not-resource-with-allow',
  defaultSeverity: 'warning',
  short: 'Allow with NotResource grants the actions on every resource not listed',
  description:
    '"Effect": "Allow" with "NotResource" grants the statement\'s actions on every resource except those listed: in every account the principal can reach, every Region, and on resources created later.',
  kinds: POLICY_KINDS.filter((k) => k !== 'trust'),
  tags: ['iam', 'resources', 'least-privilege'],
  docs: {
    rationale: 'Excluding one Connect instance with NotResource grants the actions on every other instance, including the production one created next quarter. Scoping Connect personas means naming the instances (or tags) they may touch.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:*", "NotResource": "arn:aws:connect:eu-west-2:111122223333:instance/prod-1234" }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:*", "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/dev-5678*" }]\n}',
    fix: 'List the resources to allow in "Resource". Keep NotResource for Deny statements.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      const prop = s.el.NotResource;
      if (s.effect !== 'Allow' || !prop) continue;
      const n = stringItems(prop.value).length;
      ctx.report({
        message: `Allow with NotResource grants the statement's actions on every resource except the ${n === 1 ? 'one' : n} listed, in every Region and account, including resources created later. List the allowed resources in "Resource" instead.`,
        offset: prop.key.offset,
        length: prop.key.length,
      });
    }
  },
};
