import { Rule, POLICY_KINDS } from '../../types';
import { expandStatementActions } from '../../iam/actions';
import { ActionInfo } from '../../iam/data';

// The expanded sets are memoised, so their counts can be too: a NotAction set holds ~22,000 actions.
const counts = new WeakMap<ReadonlySet<ActionInfo>, { services: number; connectWrite: number }>();

function countsOf(granted: ReadonlySet<ActionInfo>): { services: number; connectWrite: number } {
  let hit = counts.get(granted);
  if (!hit) {
    const services = new Set<string>();
    let connectWrite = 0;
    for (const a of granted) {
      services.add(a.service);
      if (a.service === 'connect' && a.accessLevel === 'Write') connectWrite++;
    }
    hit = { services: services.size, connectWrite };
    counts.set(granted, hit);
  }
  return hit;
}

export const notActionWithAllow: Rule = {
  id: 'CG2007',
  name: 'not-action-with-allow',
  defaultSeverity: 'warning',
  short: 'Allow with NotAction grants every action not listed, in every service',
  description:
    '"Effect": "Allow" with "NotAction" grants every action of every AWS service except those listed, including services and actions AWS adds later. The message counts what it grants today with the IAM data, and how many of those are Amazon Connect write actions.',
  kinds: POLICY_KINDS,
  tags: ['iam', 'actions', 'least-privilege'],
  docs: {
    rationale: 'NotAction in an Allow is an allow-list written backwards: `"NotAction": "iam:*"` still grants `connect:DeleteInstance`, `connect:UpdateUserSecurityProfiles` and every new Connect action the day it ships. Least-privilege reviews of Connect personas reject it.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*" }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["connect:Describe*", "connect:List*"], "Resource": "*" }]\n}',
    fix: 'List the actions to allow in "Action". Keep NotAction for Deny statements (deny everything except ...), where it is the standard guardrail pattern.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      const prop = s.el.NotAction;
      if (s.effect !== 'Allow' || !prop) continue;
      const granted = expandStatementActions(ctx.iam, s);
      const { services, connectWrite } = countsOf(granted);
      ctx.report({
        message: `Allow with NotAction grants every action not listed: ${granted.size} actions across ${services} services today (${connectWrite} of them Amazon Connect write actions), and every action AWS adds later. List the allowed actions in "Action" instead.`,
        offset: prop.key.offset,
        length: prop.key.length,
        data: { granted: granted.size, connectWrite },
      });
    }
  },
};
