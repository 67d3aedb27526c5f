import { Rule, POLICY_KINDS, RuleContext, DocumentKind, TextEdit } from '../../types';
import { Node, Property, properties } from '../../json';
import { fix } from '../../fixes';
import { IN_STATEMENT, NOT_IN_KIND, quote, rangeOf, renameKey, suggestElement, TOP_LEVEL } from './util';

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
      const to = renameTarget(p, props, TOP_LEVEL);
      // Renaming the statement list is completed with the renames its statements then need,
      // so that "fix all" does not spend a pass discovering them.
      const inside = to === 'Statement' ? statementRenames(p.value, inStatement) : [];
      report(ctx, p, to ? { to, edits: [renameKey(p, to), ...inside] } : undefined, undefined, TOP_LEVEL, props);
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

/**
 * Statement elements a rename may produce in this kind of document: not one that
 * principal-not-allowed or principal-shape would then ask to remove (Principal in an
 * identity policy, Resource in a role trust policy), which would cost "fix all" a pass.
 */
function statementElementsFor(kind: DocumentKind): readonly string[] {
  const refused = NOT_IN_KIND[kind] ?? [];
  return IN_STATEMENT.filter((e) => !refused.includes(e));
}

/** The element an unknown key should be renamed to, unless its object already has it. */
function renameTarget(p: Property, siblings: readonly Property[], allowed: readonly string[]): string | undefined {
  const to = suggestElement(p.name, allowed);
  return to !== undefined && !siblings.some((o) => o !== p && o.name === to) ? to : undefined;
}

/** Renames for the unknown keys of the statements in `value` (an object or a list of them). */
function statementRenames(value: Node | undefined, allowed: readonly string[]): TextEdit[] {
  const objects = value?.type === 'object' ? [value] : value?.type === 'array' ? (value.children ?? []).filter((n) => n.type === 'object') : [];
  const edits: TextEdit[] = [];
  for (const o of objects) {
    const props = properties(o);
    for (const p of props) {
      if (IN_STATEMENT.includes(p.name) || TOP_LEVEL.includes(p.name)) continue;
      const to = renameTarget(p, props, allowed);
      if (to) edits.push(renameKey(p, to));
    }
  }
  return edits;
}

function report(ctx: RuleContext, p: Property, rename: { to: string; edits: TextEdit[] } | undefined, message: string | undefined, allowed: readonly string[] = IN_STATEMENT, siblings: readonly Property[] = []): void {
  const where = allowed === TOP_LEVEL ? 'a policy' : 'a statement';
  let text = message;
  if (!text) {
    const meant = suggestElement(p.name, allowed);
    const taken = meant !== undefined && siblings.some((o) => o !== p && o.name === meant);
    if (!meant) text = `${quote(p.name)} is not an element of ${where}: IAM rejects the policy. Allowed: ${allowed.join(', ')}.`;
    else if (meant.toLowerCase() === p.name.toLowerCase()) text = `Element names are case-sensitive: write "${meant}", not ${quote(p.name)}. IAM rejects the policy as it is.`;
    else text = `${quote(p.name)} is not an element of ${where} (did you mean "${meant}"?): IAM rejects the policy.`;
    if (taken) text += ` This ${where.slice(2)} already has "${meant}": merge the two or remove this one.`;
  }
  ctx.report({
    ...rangeOf(p.key),
    message: text,
    fixes: rename ? [fix(`Rename to "${rename.to}"`, rename.edits, true)] : undefined,
  });
}
