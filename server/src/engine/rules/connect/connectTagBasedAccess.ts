import { Rule } from '../../types';
import type { ActionInfo, IamData } from '../../iam/data';
import { acceptsResourceTag, connectWriteActions, hasResourceTagCondition, listActions, resourceScope } from '../../connect';
import { allowGrants } from './util';

const cache = new WeakMap<IamData, readonly ActionInfo[]>();
/** Connect write actions IAM evaluates aws:ResourceTag for (a tag condition on the others would block them outright). */
function taggableWrites(iam: IamData): readonly ActionInfo[] {
  let hit = cache.get(iam);
  if (!hit) {
    hit = connectWriteActions(iam).filter(acceptsResourceTag);
    cache.set(iam, hit);
  }
  return hit;
}

export const connectTagBasedAccess: Rule = {
  id: 'CG3004',
  name: 'connect-tag-based-access',
  defaultSeverity: 'info',
  short: 'Connect write actions on Resource "*" are not limited by an aws:ResourceTag condition',
  description:
    'An Allow with `"Resource": "*"` grants Amazon Connect write actions on taggable Connect resources (users, queues, flows, routing and security profiles...) and has no `aws:ResourceTag/...` condition, so the role can change every such resource of every instance. Only actions for which the IAM data lists `aws:ResourceTag` are counted. Reported on the `"*"` item; information, not a warning: it is hardening advice, and the dangerous cases are reported at warning or error by connect-wildcard-allow and connect-privilege-change.',
  kinds: ['identity'],
  tags: ['connect', 'least-privilege', 'tag-based-access'],
  docs: {
    rationale:
      'Amazon Connect supports tag-based access control: tag queues, flows, users and profiles (for example `Role: Developer` or `Team: Claims`) and allow changes only where `aws:ResourceTag/<key>` matches. It is how one instance is shared between teams without each team being able to edit the others\' flows, and it is one of the controls Amazon Connect security guidance lists. A write grant on `"*"` without it reaches every resource in every instance of the account.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Sid": "EditQueues",\n    "Effect": "Allow",\n    "Action": ["connect:UpdateQueueName", "connect:UpdateQueueHoursOfOperation"],\n    "Resource": "*"\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Sid": "EditQueues",\n    "Effect": "Allow",\n    "Action": ["connect:UpdateQueueName", "connect:UpdateQueueHoursOfOperation"],\n    "Resource": "*",\n    "Condition": { "StringEquals": { "aws:ResourceTag/Team": "Claims" } }\n  }]\n}',
    fix: 'Tag the Connect resources the role may change and add `"Condition": {"StringEquals": {"aws:ResourceTag/<key>": "<value>"}}`, or replace `"*"` with the ARNs of the resources. There is no automatic fix: the tag key and value are a decision about your organisation, and a made-up default would silently deny everything.',
    notes: 'Severity is `info` by design. A statement can be least-privilege without tags (ARNs of one instance\'s queues, for instance), and the broad and privileged grants are already reported by connect-wildcard-allow and connect-privilege-change; a warning here would double-report those lines. Raise it to `warning` in `.connectguard.json` if your standard requires tag-based access. Write actions for which IAM does not evaluate `aws:ResourceTag` (for example `CreateInstance`, `StartOutboundVoiceContact`) are not counted, since a tag condition would make them never allowed.',
  },
  check(ctx) {
    for (const { statement: s, grants } of allowGrants(ctx, taggableWrites(ctx.iam))) {
      const scope = resourceScope(s);
      if (!scope.star || hasResourceTagCondition(s)) continue;
      const actions = new Set<ActionInfo>();
      for (const g of grants) for (const a of g.actions) actions.add(a);
      const list = [...actions].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const n = list.length;
      ctx.report({
        message: `Resource "*" lets ${n} Amazon Connect write action${n === 1 ? '' : 's'} (${listActions(list, 3)}) change every tagged Connect resource, with no aws:ResourceTag/... condition. Add one (e.g. "StringEquals": {"aws:ResourceTag/Team": "..."}) or name the resources' ARNs.`,
        offset: scope.star!.node.offset,
        length: scope.star!.node.length,
        data: { writeActions: n },
      });
    }
  },
};
