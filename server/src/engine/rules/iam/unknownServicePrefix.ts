import { Rule, POLICY_KINDS, Fix } from '../../types';
import { actionElement, itemAction, itemParts } from '../../iam/actions';
import { hasWildcard } from '../../iam/wildcard';
import { didYouMean } from '../../suggest';
import { contentRange, rangeInString } from './stringRange';
import { SettledValues } from './listLimit';
import { nearestActionNames } from './unknownAction';

export const unknownServicePrefix: Rule = {
  id: 'CG2001',
  name: 'unknown-service-prefix',
  defaultSeverity: 'error',
  short: 'An action names a service prefix that does not exist',
  description:
    'Every action is `prefix:Name`, where the prefix is a lower-case service prefix from the Service Authorization Reference (`connect`, `voiceid`, `wisdom`, `profile`...). A misspelt or upper-case prefix matches nothing, so the statement silently grants or denies less than intended.',
  kinds: POLICY_KINDS,
  tags: ['iam', 'actions'],
  accessAnalyzer: ['Invalid service', 'Invalid service in action'],
  fixable: true,
  docs: {
    rationale: 'A typo such as `conect:DescribeUser` makes an Allow grant nothing (agents lose access) and, worse, makes a Deny deny nothing: an SCP meant to stop `connect:DeleteInstance` with a misspelt prefix protects no instance.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Deny", "Action": "conect:DeleteInstance", "Resource": "*" }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Deny", "Action": "connect:DeleteInstance", "Resource": "*" }]\n}',
    fix: 'Use the service prefix from the Service Authorization Reference, in lower case. The quick-fix offers the nearest known prefixes, or lower-cases a prefix written with capitals.',
    notes: 'Condition-key prefixes are checked by `unknown-condition-key`. Prefixes containing `*` or `?` are checked by `wildcard-matches-nothing`.',
  },
  check(ctx) {
    const memo = new Map<string, string[]>();
    // Values already found correct: long lists repeat the same few actions.
    const fine = new SettledValues();
    const suggest = (service: string) => {
      let hit = memo.get(service);
      if (!hit) memo.set(service, (hit = service.length > 64 ? [] : didYouMean(service, ctx.iam.servicePrefixes())));
      return hit;
    };
    for (const s of ctx.policy.statements) {
      const el = actionElement(s);
      if (!el) continue;
      for (let n = 0; n < el.items.length; n++) {
        const item = el.items[n];
        if (fine.has(item.value, el.items.length)) continue;
        // A catalogue action written with its prefix in lower case (most items): nothing to
        // split. The lookup is the statement's, shared with other rules.
        const known = itemAction(ctx.iam, el, n);
        if (known && item.value.charCodeAt(known.service.length) === 58 && item.value.startsWith(known.service)) {
          fine.add(item.value, el.items.length);
          continue;
        }
        const parts = itemParts(el, n);
        if ((!parts || parts.service === '') && !/^[*?]+$/.test(item.value) && item.value !== '') {
          ctx.report({
            message: `"${item.value}" has no service prefix: actions are written prefix:Name (connect:ListUsers), so this item matches no action.`,
            ...contentRange(item.node),
            data: { action: item.value },
          });
          continue;
        }
        if (!parts || hasWildcard(parts.service) || ctx.iam.hasService(parts.service)) {
          fine.add(item.value, el.items.length);
          continue;
        }
        const range = rangeInString(ctx.text, item.node, 0, parts.colon);
        const replace = (to: string) => [{ offset: range.offset, length: range.length, content: to }];
        // The preferred fix also corrects an action name that is wrong under the new prefix
        // (when one name is nearest), or unknown-action would ask for that in the next pass.
        const preferredFix = (to: string): Fix => {
          const name = parts.name;
          const near = name === '' || hasWildcard(name) || name.includes('${') || ctx.iam.action(to, name) ? [] : nearestActionNames(ctx.iam, to, name);
          if (near.length !== 1) return { title: `Change to "${to}"`, edits: replace(to), preferred: true };
          const nameRange = rangeInString(ctx.text, item.node, parts.colon + 1, item.value.length);
          return { title: `Change to "${to}:${near[0]}"`, edits: [...replace(to), { offset: nameRange.offset, length: nameRange.length, content: near[0] }], preferred: true };
        };
        const lower = parts.service.toLowerCase();
        if (ctx.iam.hasService(lower)) {
          ctx.report({
            message: `Service prefix "${parts.service}" must be lower case: write "${lower}".`,
            ...range,
            fixes: [preferredFix(lower)],
            data: { service: parts.service },
          });
          continue;
        }
        const near = suggest(parts.service);
        const fixes: Fix[] = near.length === 1 ? [preferredFix(near[0])] : near.map((p) => ({ title: `Change to "${p}"`, edits: replace(p) }));
        const hint = near.length ? ` Did you mean ${near.map((p) => `"${p}"`).join(', ')}?` : '';
        ctx.report({
          message: `Unknown service prefix "${parts.service}": no AWS service uses it, so "${item.value}" matches no action.${hint}`,
          ...range,
          fixes,
          data: { service: parts.service },
        });
      }
    }
  },
};
