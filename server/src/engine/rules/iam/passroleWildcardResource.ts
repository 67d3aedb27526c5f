import { Rule } from '../../types';
import { broadGrants } from './broadGrant';

export const passroleWildcardResource: Rule = {
  id: 'CG2009',
  name: 'passrole-wildcard-resource',
  defaultSeverity: 'warning',
  short: 'iam:PassRole is allowed on every role without iam:PassedToService',
  description:
    'Allowing iam:PassRole (by name, through a wildcard such as `iam:*` or `*`, or through a NotAction that does not exclude it) on "*", on every role, or through NotResource lets the principal hand any role, administrator roles included, to any service that accepts one: a classic privilege escalation.',
  kinds: ['identity'],
  tags: ['iam', 'privilege-escalation'],
  accessAnalyzer: [
    'Pass role with NotResource', 'Pass role with star in action and NotResource', 'Pass role with NotAction and NotResource',
    'Pass role with star in resource', 'Pass role with star in action and resource', 'Pass role with star in resource and NotAction',
  ],
  docs: {
    rationale: 'Connect integrations (Lambda functions called from flows, Kinesis streaming, Amazon Lex bots) are set up by passing roles. A developer persona allowed `iam:PassRole` on `*` can pass an administrator role to a Lambda function and run code with it.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["lambda:CreateFunction", "iam:PassRole"], "Resource": "*" }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "lambda:CreateFunction", "Resource": "*" },\n    {\n      "Effect": "Allow",\n      "Action": "iam:PassRole",\n      "Resource": "arn:aws:iam::111122223333:role/service-role/connect-flow-*",\n      "Condition": { "StringEquals": { "iam:PassedToService": "lambda.amazonaws.com" } }\n    }\n  ]\n}',
    fix: 'Name the roles (a path or name prefix such as `role/service-role/connect-*`) and add an `iam:PassedToService` condition naming the service that receives them.',
    notes: 'Checked in identity policies, as IAM Access Analyzer does. A role path or name prefix before the `*` counts as scoping.',
  },
  check(ctx) {
    for (const g of broadGrants(ctx, 'iam:PassRole', 'iam:PassedToService', ['role/'])) {
      ctx.report({
        message: `iam:PassRole is allowed ${g.how} ${g.where} with no iam:PassedToService condition: the principal can pass any role, administrator roles included, to any service. Name the roles and add "iam:PassedToService".`,
        offset: g.offset,
        length: g.length,
        related: g.related,
      });
    }
  },
};
