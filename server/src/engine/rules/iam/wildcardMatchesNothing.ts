import { Rule, RuleContext, POLICY_KINDS } from '../../types';
import { stringItems } from '../../json';
import { Statement } from '../../policy';
import { actionElement, splitAction } from '../../iam/actions';
import { hasWildcard } from '../../iam/wildcard';
import { ActionInfo } from '../../iam/data';

// expandAction returns the same memoised array for the same pattern.
const serviceCache = new WeakMap<ActionInfo[], string[]>();

/** Services of an expansion, in catalogue order. */
function servicesOf(matched: ActionInfo[]): string[] {
  let hit = serviceCache.get(matched);
  if (!hit) {
    hit = [];
    for (const a of matched) if (hit[hit.length - 1] !== a.service) hit.push(a.service);
    serviceCache.set(matched, hit);
  }
  return hit;
}
import { rangeInString, contentRange } from './stringRange';
import { SettledValues } from './listLimit';

export const wildcardMatchesNothing: Rule = {
  id: 'CG2003',
  name: 'wildcard-matches-nothing',
  defaultSeverity: 'warning',
  short: 'A wildcard action matches no action, or a service wildcard (in an action or an ARN) reaches other services',
  description:
    'An action pattern with `*` or `?` that matches no action of the IAM data is almost always a typo (`connect:Creat*User`). A wildcard in the service part (`connect*:`) reaches every service whose prefix fits, such as `connect-campaigns` beside `connect`: reported as information, naming the extra services. A partial wildcard in the service part of a Resource ARN (`arn:aws:connect*:...`) is reported as information too.',
  kinds: POLICY_KINDS,
  tags: ['iam', 'actions'],
  accessAnalyzer: ['Wildcard in service name'],
  docs: {
    rationale: 'A pattern that matches nothing grants or denies nothing, and nobody notices until an agent is locked out or a guardrail fails to stop a deletion. A service wildcard silently extends a grant to services the reviewer did not consider (outbound campaigns beside the contact centre).',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Deny", "Action": ["connect:Delet*Instanse", "connect*:Delete*"], "Resource": "*" }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Deny", "Action": ["connect:Delete*Instance", "connect:Delete*", "connect-campaigns:Delete*"], "Resource": "*" }]\n}',
    fix: 'Correct the pattern so it matches the intended actions, and list each service prefix explicitly instead of using a wildcard in the service part.',
    notes: 'Matching uses the bundled IAM data, which lags AWS by days: a pattern meant for a brand-new action may be reported until the data is updated.',
  },
  check(ctx) {
    // Values already found unremarkable: long lists repeat the same few actions.
    const fine = new SettledValues();
    for (const s of ctx.policy.statements) {
      checkArnServices(ctx, s);
      const el = actionElement(s);
      if (!el) continue;
      for (const item of el.items) {
        const v = item.value;
        if (fine.has(v, el.items.length)) continue;
        if (!hasWildcard(v) || /^\*+$/.test(v)) {
          fine.add(v, el.items.length);
          continue;
        }
        const parts = splitAction(v);
        if (!parts) continue;
        const svcWild = hasWildcard(parts.service);
        if (!svcWild && !ctx.iam.hasService(parts.service.toLowerCase())) continue; // unknown-service-prefix
        const matched = ctx.iam.expandAction(v);
        if (matched.length === 0) {
          const range = svcWild ? contentRange(item.node) : rangeInString(ctx.text, item.node, parts.colon + 1, v.length);
          ctx.report({
            message: `"${v}" matches no action in the IAM data (version ${ctx.iam.dataVersion}), so it grants or denies nothing. Check the spelling of the pattern.`,
            ...range,
            data: { action: v },
          });
          continue;
        }
        if (!svcWild) continue;
        const services = servicesOf(matched);
        const intended = parts.service.replace(/[*?]/g, '').toLowerCase();
        const extra = services.filter((p) => p !== intended);
        const list = extra.length > 6 ? `${extra.slice(0, 6).join(', ')} and ${extra.length - 6} more` : extra.join(', ');
        const message = services.length === 1
          ? `The wildcard in the service part "${parts.service}" reaches only ${services[0]} today, and any service AWS adds whose prefix fits. Write "${services[0]}".`
          : `The wildcard in the service part "${parts.service}" also reaches ${list}${ctx.iam.hasService(intended) ? ` besides ${intended}` : ''} (${matched.length} actions in all). Name each service prefix explicitly.`;
        ctx.report({
          message,
          severity: 'info',
          ...rangeInString(ctx.text, item.node, 0, parts.colon),
          data: { action: v, services: services.join(',') },
        });
      }
    }
  },
};

/** A wildcard in an ARN's service field (`arn:aws:connect*:...`) reaches every service whose name fits. */
function checkArnServices(ctx: RuleContext, s: Statement): void {
  for (const prop of [s.el.Resource, s.el.NotResource]) {
    for (const item of stringItems(prop?.value)) {
      const v = item.value;
      if (!v.startsWith('arn:')) continue;
      const start = v.indexOf(':', 4) + 1;
      const end = start > 0 ? v.indexOf(':', start) : -1;
      if (end < 0) continue;
      const service = v.slice(start, end);
      // A bare "*" means every service on purpose; a partial name is the surprise.
      if (!hasWildcard(service) || /^[*?]+$/.test(service)) continue;
      ctx.report({
        message: `The wildcard in the ARN's service part "${service}" matches resources of every service whose name fits, today's and future ones. Write the service name.`,
        severity: 'info',
        ...rangeInString(ctx.text, item.node, start, end),
      });
    }
  }
}
