import { Rule, POLICY_KINDS, RuleContext } from '../../types';
import { Property } from '../../json';
import { fix } from '../../fixes';
import { IN_STATEMENT, quote, rangeOf, renameKey, suggestElement, TOP_LEVEL } from './util';

export const unknownElement: Rule = {
  id: 'CG1005',
  name: 'unknown-element',
  defaultSeverity: 'error',
  short: 'A policy or statement key is not an IAM element',
  description:
    'IAM policy element names are case-sensitive and fixed: "Version", "Id" and "Statement" at the top level; "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource" and "Condition" in a statement. Any other key (a typo such as "Actoin", or "effect" in lower case) makes IAM reject the policy. The quick-fix renames the key to the element it most likely meant.',
  kinds: POLICY_KINDS,
  tags: ['grammar'],
  accessAnalyzer: ['Invalid policy element'],
  fixable: true,
  docs: {
    rationale: 'A misspelt element is not ignored: IAM rejects the whole policy, so a Connect persona policy or an SCP guardrail fails at deployment. Tools that are lenient about unknown keys (some JSON-to-IaC converters) may drop the key instead, which silently widens a statement: a lost "Condition" removes the MFA or tag check an administrator policy depends on.',
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "effect": "Allow", "Actoin": "connect:DescribeUser", "Resource": "*" }]\n}',
    good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "*" }]\n}',
    fix: 'Rename the key to the element you meant (the quick-fix proposes it), or remove it. Keep notes in a `Sid` or in version control, not in extra keys.',
  },
  check(ctx) {
    const { root, props, statements } = ctx.policy;
    if (!root) return;
    for (const p of props) {
      if (TOP_LEVEL.includes(p.name)) continue;
      if (IN_STATEMENT.includes(p.name)) {
        report(ctx, p, props, TOP_LEVEL, `"${p.name}" belongs inside a statement, not at the top level of the policy: IAM rejects it. Move it into a statement under "Statement".`);
        continue;
      }
      report(ctx, p, props, TOP_LEVEL);
    }
    for (const s of statements) {
      for (const p of s.props) {
        if (IN_STATEMENT.includes(p.name)) continue;
        if (TOP_LEVEL.includes(p.name) && p.name !== 'Id') {
          report(ctx, p, s.props, IN_STATEMENT, `"${p.name}" belongs at the top level of the policy, not inside a statement: IAM rejects it.`);
          continue;
        }
        report(ctx, p, s.props, IN_STATEMENT);
      }
    }
  },
};

function report(ctx: RuleContext, p: Property, siblings: readonly Property[], allowed: readonly string[], message?: string): void {
  const where = allowed === TOP_LEVEL ? 'a policy' : 'a statement';
  const to = message ? undefined : suggestElement(p.name, allowed);
  const taken = to !== undefined && siblings.some((o) => o !== p && o.name === to);
  let text = message;
  if (!text) {
    if (!to) text = `${quote(p.name)} is not an element of ${where}: IAM rejects the policy. Allowed: ${allowed.join(', ')}.`;
    else if (to.toLowerCase() === p.name.toLowerCase()) text = `Element names are case-sensitive: write "${to}", not ${quote(p.name)}. IAM rejects the policy as it is.`;
    else text = `${quote(p.name)} is not an element of ${where} (did you mean "${to}"?): IAM rejects the policy.`;
    if (taken) text += ` This ${where.slice(2)} already has "${to}": merge the two or remove this one.`;
  }
  ctx.report({
    ...rangeOf(p.key),
    message: text,
    fixes: to && !taken ? [fix(`Rename to "${to}"`, [renameKey(p, to)], true)] : undefined,
  });
}
