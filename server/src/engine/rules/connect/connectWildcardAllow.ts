import { Rule } from '../../types';
import { connectWriteActions, listActions, privilegeChangeActions } from '../../connect';
import type { ActionInfo, IamData } from '../../iam/data';
import { allowGrants, itemLabel } from './util';

const cache = new WeakMap<IamData, readonly ActionInfo[]>();
/** Connect write actions, privilege changes first, so a message names the ones a reviewer cares about. */
function candidates(iam: IamData): readonly ActionInfo[] {
  let hit = cache.get(iam);
  if (!hit) {
    const priv = new Set(privilegeChangeActions(iam));
    const writes = connectWriteActions(iam);
    hit = [...writes.filter((a) => priv.has(a)), ...writes.filter((a) => !priv.has(a))];
    cache.set(iam, hit);
  }
  return hit;
}

export const connectWildcardAllow: Rule = {
  id: 'CG3001',
  name: 'connect-wildcard-allow',
  defaultSeverity: 'warning',
  short: 'A wildcard or NotAction allows Amazon Connect write actions',
  description:
    'An Allow whose Action wildcard (`*`, `connect:*`, `connect:*Instance*`, `connect*:*`...) or NotAction grants Amazon Connect write actions. The finding counts the write actions granted, from the IAM catalogue, so the size of the grant is visible in review.',
  kinds: ['identity'],
  tags: ['connect', 'least-privilege'],
  docs: {
    rationale:
      'Amazon Connect adds actions every month and about 60% of them change state: users, security profiles, flows, phone numbers, storage of recordings. A wildcard written today grants tomorrow\'s actions too, and no Connect action is classed "Permissions management", so generic reviews do not see that `connect:*` includes creating administrators. Least privilege per persona (developer, service administrator, application) is what an Amazon Connect security review asks for.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Sid": "FlowDesigners",\n    "Effect": "Allow",\n    "Action": ["connect:*"],\n    "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/9f3c4e1a-7b2d-4c5e-8f90-1a2b3c4d5e6f/*"\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Sid": "FlowDesigners",\n    "Effect": "Allow",\n    "Action": ["connect:DescribeContactFlow", "connect:UpdateContactFlowContent"],\n    "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/9f3c4e1a-7b2d-4c5e-8f90-1a2b3c4d5e6f/contact-flow/*"\n  }]\n}',
    fix: 'Replace the wildcard with the Connect actions the persona needs (`connect:Describe*`/`List*` style read wildcards are fine: they grant no write action). Use the activity-based policy generator on CloudTrail to list what is actually called. No automatic fix: only you know the persona.',
    notes: 'The count is the number of `connect:` actions at the Write, Permissions management or Tagging level in the bundled IAM data that the wildcard matches, minus any an unconditional Deny on `"*"` in the same policy takes back. Naming write actions explicitly is not reported by this rule; connect-privilege-change and connect-tag-based-access look at those.',
  },
  check(ctx) {
    for (const { grants } of allowGrants(ctx, candidates(ctx.iam))) {
      for (const g of grants) {
        if (!g.wildcard) continue;
        const n = g.actions.length;
        const what = `${n} Amazon Connect write action${n === 1 ? '' : 's'}`;
        ctx.report({
          message: g.notAction
            ? `NotAction with Allow grants ${what} it does not list (${listActions(g.actions, 3)}). List the actions this role needs under Action instead.`
            : `${itemLabel(g)} grants ${what} (${listActions(g.actions, 3)}). List the Connect actions this role needs instead of a wildcard.`,
          offset: g.node.offset,
          length: g.node.length,
          data: { writeActions: n },
        });
      }
    }
  },
};
