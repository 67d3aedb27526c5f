import { Rule, POLICY_KINDS } from '../../types';
import { conditionEntries } from '../../policy';
import { parseOperator, scalarText, hasPolicyVariable } from '../../iam/conditions';
import { removeArrayItem } from '../../fixes';

/** Bound operators: the values of one key are alternatives, so only the loosest bound counts. */
const LOOSEST: Record<string, 'max' | 'min'> = {
  NumericLessThan: 'max',
  NumericLessThanEquals: 'max',
  NumericGreaterThan: 'min',
  NumericGreaterThanEquals: 'min',
};

export const conditionRedundantValue: Rule = {
  id: 'CG2060',
  name: 'condition-redundant-value',
  defaultSeverity: 'info',
  short: 'A numeric bound lists several values, and only the loosest one counts',
  description:
    'The values of one condition key are alternatives (any of them may match). Under NumericLessThan(Equals) the request passes when it is below the largest value; under NumericGreaterThan(Equals) when it is above the smallest. The other values change nothing, and they often mean the author expected the strictest one to apply.',
  kinds: POLICY_KINDS,
  tags: ['iam', 'conditions', 'hygiene'],
  accessAnalyzer: ['Redundant condition value num'],
  fixable: true,
  docs: {
    rationale: 'Service administrators of an Amazon Connect instance are often required to have signed in with MFA recently (`aws:MultiFactorAuthAge`). Listing `["3600", "28800"]` to "allow one hour, or eight for the night shift" grants eight hours to everyone; the one-hour limit a reviewer sees is not enforced.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:UpdateUserSecurityProfiles",\n    "Resource": "*",\n    "Condition": { "NumericLessThan": { "aws:MultiFactorAuthAge": ["3600", "28800"] } }\n  }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "connect:UpdateUserSecurityProfiles",\n    "Resource": "*",\n    "Condition": { "NumericLessThan": { "aws:MultiFactorAuthAge": "3600" } }\n  }]\n}',
    fix: 'Keep the one bound you mean. If different principals need different bounds, write one statement for each. The quick-fix removes the redundant value (keeping the loosest, which is what IAM applies today).',
    notes: 'Values that are not numbers or hold policy variables leave the key unchecked (condition-operator reports non-numbers). NumericEquals and NumericNotEquals are not checked.',
  },
  check(ctx) {
    for (const s of ctx.policy.statements) {
      for (const e of conditionEntries(s)) {
        const info = parseOperator(e.operator.name).info;
        const mode = info && LOOSEST[info.name];
        const list = e.key.value;
        if (!mode || list?.type !== 'array' || e.values.length < 2) continue;
        const nums: number[] = [];
        for (const v of e.values) {
          const t = scalarText(v);
          const n = t === undefined || hasPolicyVariable(t) || t.trim() === '' ? NaN : Number(t);
          if (!Number.isFinite(n)) break;
          nums.push(n);
        }
        if (nums.length !== e.values.length) continue;
        const best = mode === 'max' ? Math.max(...nums) : Math.min(...nums);
        const kept = nums.indexOf(best);
        const keptText = scalarText(e.values[kept])!;
        e.values.forEach((v, i) => {
          if (i === kept) return;
          ctx.report({
            offset: v.offset,
            length: v.length,
            message: `${scalarText(v)} changes nothing: the values of ${e.key.name} are alternatives, and under ${e.operator.name} the ${mode === 'max' ? 'largest' : 'smallest'} one, ${keptText}, decides. Keep only the bound you mean.`,
            related: [{ offset: e.values[kept].offset, length: e.values[kept].length, message: 'the bound IAM applies' }],
            fixes: [{ title: `Remove ${scalarText(v)}`, edits: [removeArrayItem(list, i)], preferred: true }],
          });
        });
      }
    }
  },
};
