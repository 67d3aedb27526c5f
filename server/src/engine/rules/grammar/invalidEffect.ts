import { Rule, POLICY_KINDS } from '../../types';
import { fix, replaceNode } from '../../fixes';
import { statementLabel } from '../../policy';
import { cap, lacksPair, openingOf, quote, rangeOf } from './util';

export const invalidEffect: Rule = {
  id: 'CG1006',
  name: 'invalid-effect',
  defaultSeverity: 'error',
  short: '"Effect" is missing or is not "Allow" or "Deny"',
  description:
    'Every statement needs "Effect": "Allow" or "Effect": "Deny", spelt exactly so (the value is case-sensitive). A missing Effect, another word, or "allow" in lower case makes IAM reject the policy. A non-string Effect is reported by `invalid-type`.',
  kinds: POLICY_KINDS,
  tags: ['grammar'],
  accessAnalyzer: ['Invalid effect', 'Missing effect'],
  fixable: true,
  docs: {
    rationale: 'Guardrails for Amazon Connect (deny deleting the instance or its service-linked role, deny emergency-access login outside break-glass roles) are Deny statements. A Deny written as "deny" or left without Effect is rejected, so the guardrail is never deployed while the change ticket says it is.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "deny", "Action": "connect:DeleteInstance", "Resource": "*" }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Deny", "Action": "connect:DeleteInstance", "Resource": "*" }]\n}',
    fix: 'Write `"Effect": "Allow"` or `"Effect": "Deny"`. For a case variant the quick-fix corrects the spelling; a missing Effect must be chosen by you.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      const e = s.el.Effect;
      if (!e) {
        if (lacksPair(s, 'Effect')) {
          ctx.report({ ...openingOf(s.node), message: `${cap(statementLabel(s))} has no "Effect": IAM rejects it. Add "Effect": "Allow" or "Effect": "Deny".` });
        }
        continue;
      }
      const v = e.value;
      if (!v || v.type !== 'string' || s.effect) continue;
      const value = v.value as string;
      const canonical = ['Allow', 'Deny'].find((x) => x.toLowerCase() === value.trim().toLowerCase());
      ctx.report({
        ...rangeOf(v),
        message: canonical
          ? `"Effect" is case-sensitive: write "${canonical}", not ${quote(value)}. IAM rejects the policy as it is.`
          : `${quote(value)} is not an Effect: IAM accepts only "Allow" or "Deny".`,
        fixes: canonical ? [fix(`Change to "${canonical}"`, [replaceNode(v, canonical)], true)] : undefined,
      });
    }
  },
};

