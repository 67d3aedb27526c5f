import { Rule, POLICY_KINDS, RuleContext, TextEdit } from '../../types';
import { Property } from '../../json';
import { fix } from '../../fixes';
import { elementTaken, IN_STATEMENT, quote, rangeOf, renameKey, renameTarget, statementElementsFor, suggestElement, TOP_LEVEL } from './util';

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
    const inStatement = statementElementsFor(ctx.kind);
    for (const p of props) {
      if (TOP_LEVEL.includes(p.name)) continue;
      if (IN_STATEMENT.includes(p.name)) {
        report(ctx, p, undefined, `"${p.name}" belongs inside a statement, not at the top level of the policy: IAM rejects it. Move it into a statement under "Statement".`);
        continue;
      }
      // A misspelt statement list is read as the list (readPolicy), so its statements' own
      // typos are reported and renamed in this same pass.
      const to = renameTarget(p, props, TOP_LEVEL);
      report(ctx, p, to ? { to, edits: [renameKey(p, to)] } : undefined, undefined, TOP_LEVEL, props);
    }
    for (const s of statements) {
      for (const p of s.props) {
        if (IN_STATEMENT.includes(p.name)) continue;
        if (TOP_LEVEL.includes(p.name) && p.name !== 'Id') {
          report(ctx, p, undefined, `"${p.name}" belongs at the top level of the policy, not inside a statement: IAM rejects it.`);
          continue;
        }
        const to = renameTarget(p, s.props, inStatement);
        report(ctx, p, to ? { to, edits: [renameKey(p, to)] } : undefined, undefined, inStatement, s.props);
      }
    }
  },
};

function report(ctx: RuleContext, p: Property, rename: { to: string; edits: TextEdit[] } | undefined, message: string | undefined, allowed: readonly string[] = IN_STATEMENT, siblings: readonly Property[] = []): void {
  const where = allowed === TOP_LEVEL ? 'a policy' : 'a statement';
  let text = message;
  if (!text) {
    const meant = suggestElement(p.name, allowed);
    const taken = meant !== undefined && elementTaken(p, meant, siblings, allowed);
    if (!meant) text = `${quote(p.name)} is not an element of ${where}: IAM rejects the policy. Allowed: ${allowed.join(', ')}.`;
    else if (meant.toLowerCase() === p.name.toLowerCase()) text = `Element names are case-sensitive: write "${meant}", not ${quote(p.name)}. IAM rejects the policy as it is.`;
    else text = `${quote(p.name)} is not an element of ${where} (did you mean "${meant}"?): IAM rejects the policy.`;
    if (taken) {
      const exact = siblings.some((o) => o !== p && o.name === meant);
      text += exact
        ? ` This ${where.slice(2)} already has "${meant}": merge the two or remove this one.`
        : ` An earlier key of this ${where.slice(2)} is also a misspelling of "${meant}" and is the one renamed: merge the two or remove this one.`;
    }
  }
  ctx.report({
    ...rangeOf(p.key),
    message: text,
    fixes: rename ? [fix(`Rename to "${rename.to}"`, rename.edits, true)] : undefined,
  });
}
