import type { RuleContext } from '../../types';
import type { Statement } from '../../policy';
import type { ActionInfo } from '../../iam/data';
import { ItemGrant, ResourceScope, grantsByItem, unconditionallyDenied } from '../../connect';

/** Allow statements with, per Action item, the candidate actions it grants that no unconditional Deny in the policy takes back. */
export function allowGrants(ctx: RuleContext, candidates: readonly ActionInfo[]): { statement: Statement; grants: ItemGrant[] }[] {
  const denied = unconditionallyDenied(ctx.policy, candidates);
  const out: { statement: Statement; grants: ItemGrant[] }[] = [];
  for (const s of ctx.policy.statements) {
    if (s.effect !== 'Allow') continue;
    const grants = grantsByItem(s, candidates)
      .map((g) => (denied.size ? { ...g, actions: g.actions.filter((a) => !denied.has(a)) } : g))
      .filter((g) => g.actions.length > 0);
    if (grants.length) out.push({ statement: s, grants });
  }
  return out;
}

/** `"connect:*"` or `NotAction`, for messages. */
export function itemLabel(g: ItemGrant): string {
  return g.notAction ? 'NotAction' : JSON.stringify(g.label);
}

/** Where a broad statement reaches, for messages. */
export function scopeWords(scope: ResourceScope, s: Statement): string {
  if (s.el.NotResource) return 'on every resource outside NotResource';
  if (scope.star) return 'on every instance (Resource "*")';
  return 'on every instance (wildcard instance id in Resource)';
}
