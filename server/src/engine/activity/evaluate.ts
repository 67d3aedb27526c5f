import { PolicyDocument, Statement } from '../policy';
import { Node, stringItems } from '../json';
import { wildcardMatch } from '../iam/wildcard';

/** One statement reduced to what matching needs, with the nodes for findings. */
export interface EvalStatement {
  statement: Statement;
  effect: 'Allow' | 'Deny';
  actions: { value: string; node: Node }[];
  notAction: boolean;
  resources: string[];
  notResource: boolean;
  hasCondition: boolean;
}

export function evalStatements(policy: PolicyDocument): EvalStatement[] {
  const out: EvalStatement[] = [];
  for (const s of policy.statements) {
    if (!s.effect) continue;
    const actionProp = s.el.Action ?? s.el.NotAction;
    const resourceProp = s.el.Resource ?? s.el.NotResource;
    out.push({
      statement: s,
      effect: s.effect,
      actions: stringItems(actionProp?.value),
      notAction: !s.el.Action && !!s.el.NotAction,
      resources: resourceProp ? stringItems(resourceProp.value).map((r) => r.value) : ['*'],
      notResource: !s.el.Resource && !!s.el.NotResource,
      hasCondition: !!s.el.Condition,
    });
  }
  return out;
}

/** Policy variables match anything: conditions and variables are not evaluated offline. */
function resourcePattern(p: string): string {
  return p.replace(/\$\{[^}]*\}/g, '*');
}

export function actionMatches(s: EvalStatement, action: string): boolean {
  const hit = s.actions.some((a) => wildcardMatch(a.value, action));
  return s.notAction ? !hit : hit;
}

/**
 * Whether a statement's Resource covers an event's resource. An event ARN with `*` in it
 * (an identifier the record did not carry) matches when some resource of that shape does.
 */
export function resourceMatches(s: EvalStatement, arn: string): boolean {
  const concrete = arn.replace(/\*/g, 'x');
  const hit = s.resources.some((r) => {
    const p = resourcePattern(r);
    return wildcardMatch(p, arn, false) || wildcardMatch(p, concrete, false);
  });
  return s.notResource ? !hit : hit;
}

export interface Decision {
  allowed: boolean;
  /** Statements that allowed the call (empty when denied). */
  allowedBy: EvalStatement[];
  /** An explicit Deny matched. */
  deniedBy?: EvalStatement;
  /** A matching statement has conditions, which are not evaluated offline. */
  conditional: boolean;
}

/** IAM's order for one policy: an explicit Deny wins, then an Allow, else implicit deny. */
export function decide(statements: EvalStatement[], action: string, resources: string[]): Decision {
  let conditional = false;
  for (const s of statements) {
    if (s.effect !== 'Deny' || !actionMatches(s, action)) continue;
    if (resources.some((r) => resourceMatches(s, r))) {
      // A conditional Deny may not apply; it is reported, and the call is treated as allowed if an Allow matches.
      if (!s.hasCondition) return { allowed: false, allowedBy: [], deniedBy: s, conditional: false };
      conditional = true;
    }
  }
  const allowedBy = statements.filter((s) => s.effect === 'Allow' && actionMatches(s, action) && resources.every((r) => resourceMatches(s, r)));
  if (allowedBy.some((s) => s.hasCondition)) conditional = true;
  return { allowed: allowedBy.length > 0, allowedBy, conditional };
}
