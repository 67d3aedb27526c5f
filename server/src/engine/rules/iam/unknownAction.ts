import { Rule, POLICY_KINDS } from '../../types';
import type { IamData } from '../../iam/data';
import { actionElement, itemAction, itemParts } from '../../iam/actions';
import { hasWildcard } from '../../iam/wildcard';
import { didYouMean } from '../../suggest';
import { rangeInString } from './stringRange';
import { CappedReporter, SettledValues } from './listLimit';

/** Longer than any action name AWS has (63 characters today): not looked up. */
const MAX_NAME = 128;

/** The real action names of `service` nearest to `name` (none for absurdly long names). */
export function nearestActionNames(iam: IamData, service: string, name: string): string[] {
  return name.length > MAX_NAME ? [] : didYouMean(name, iam.actionsOf(service).map((a) => a.name));
}

export const unknownAction: Rule = {
  id: 'CG2002',
  name: 'unknown-action',
  defaultSeverity: 'warning',
  short: 'An action name is not defined by its service',
  description:
    'The service prefix is known but the action name is not in the bundled IAM data. Usually a typo (`connect:ListUser`), sometimes an action AWS released after the data was built: the data lags AWS by days, so this is a warning, not an error.',
  kinds: POLICY_KINDS,
  tags: ['iam', 'actions'],
  accessAnalyzer: ['Invalid action'],
  fixable: true,
  docs: {
    rationale: 'A misspelt action matches nothing: an Allow leaves agents or automation without the access they need, a Deny leaves the action open. In Amazon Connect the names are long and similar (`UpdateUserSecurityProfiles`, `UpdateSecurityProfile`), so typos are common.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:ListUser", "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/*" }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:ListUsers", "Resource": "arn:aws:connect:eu-west-2:111122223333:instance/*" }]\n}',
    fix: 'Use the action name from the Service Authorization Reference. The quick-fix offers the nearest real actions, spelt in canonical case.',
    notes: 'Action names are matched case-insensitively by IAM, so a name that differs only in case is not reported. If the action is new, update connect-guard (its data version is in the message) or turn the finding off for that line of work.',
  },
  check(ctx) {
    // Suggestions per distinct name: a list may repeat one typo many times.
    const memo = new Map<string, string[]>();
    // Values already found correct: long lists repeat the same few actions.
    const fine = new SettledValues();
    const suggest = (service: string, name: string) => {
      const key = `${service}:${name.toLowerCase()}`;
      let hit = memo.get(key);
      if (!hit) memo.set(key, (hit = nearestActionNames(ctx.iam, service, name)));
      return hit;
    };
    for (const s of ctx.policy.statements) {
      const el = actionElement(s);
      if (!el) continue;
      const out = new CappedReporter(ctx, el.prop, 'unknown actions');
      for (let n = 0; n < el.items.length; n++) {
        const item = el.items[n];
        if (fine.has(item.value, el.items.length)) continue;
        // A catalogue action (most items; names are far below MAX_NAME): nothing to split.
        if (itemAction(ctx.iam, el, n)) {
          fine.add(item.value, el.items.length);
          continue;
        }
        const parts = itemParts(el, n);
        const service = parts?.service.toLowerCase() ?? '';
        // A policy variable in an action is policy-variable's finding, not an unknown action.
        if (!parts || parts.name === '' || hasWildcard(item.value) || item.value.includes('${') || !ctx.iam.hasService(service) || (parts.name.length <= MAX_NAME && itemAction(ctx.iam, el, n))) {
          fine.add(item.value, el.items.length);
          continue;
        }
        out.report(() => {
          const range = rangeInString(ctx.text, item.node, parts.colon + 1, item.value.length);
          const near = suggest(service, parts.name);
          const hint = near.length ? ` Did you mean ${near.map((n) => `"${service}:${n}"`).join(', ')}?` : '';
          return {
            message: `"${parts.name}" is not an action of ${ctx.iam.serviceName(service) ?? service} in the IAM data (version ${ctx.iam.dataVersion}), so this item matches nothing.${hint} If AWS released it in the last few days, update connect-guard.`,
            ...range,
            fixes: near.map((n, i) => ({
              title: `Change to "${n}"`,
              edits: [{ offset: range.offset, length: range.length, content: n }],
              ...(i === 0 && near.length === 1 ? { preferred: true } : {}),
            })),
            data: { action: item.value },
          };
        });
      }
      out.finish();
    }
  },
};
