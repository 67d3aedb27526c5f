import { RuleContext, RelatedLocation } from '../../types';
import { Statement, conditionEntries } from '../../policy';
import { stringItems } from '../../json';
import { grantsAction } from '../../iam/actions';
import { parseArn } from '../../iam/arn';

/** An Allow statement that grants one IAM action on every resource, unconditioned. */
export interface BroadGrant {
  statement: Statement;
  offset: number;
  length: number;
  /** "explicitly", "via \"iam:*\"", "via NotAction ...". */
  how: string;
  /** "on \"*\"", "with NotResource ...". */
  where: string;
  related: RelatedLocation[];
}

function allStars(s: string): boolean {
  return s.length > 0 && /^[*]+$/.test(s);
}

/** `*`, or an ARN whose resource part is `*` or one of the path prefixes followed by `*`. */
export function isBroadResource(value: string, pathPrefixes: readonly string[]): boolean {
  if (allStars(value)) return true;
  const p = parseArn(value);
  if (!p) return false;
  return allStars(p.resource) || pathPrefixes.some((x) => p.resource.startsWith(x) && allStars(p.resource.slice(x.length)));
}

/**
 * Allow statements reaching `fullName` (explicitly, by a wildcard, or by a NotAction
 * that does not exclude it) on a broad resource or through NotResource, with no
 * condition on `conditionKey`.
 */
export function broadGrants(ctx: RuleContext, fullName: string, conditionKey: string, pathPrefixes: readonly string[]): BroadGrant[] {
  const out: BroadGrant[] = [];
  const keyLower = conditionKey.toLowerCase();
  for (const s of ctx.policy.statements) {
    if (s.effect !== 'Allow') continue;
    const grant = grantsAction(s, fullName);
    if (!grant) continue;
    let where: string;
    let related: RelatedLocation;
    if (s.el.NotResource) {
      where = 'with NotResource (on every resource not listed)';
      related = { offset: s.el.NotResource.key.offset, length: s.el.NotResource.key.length, message: 'NotResource' };
    } else {
      const broad = stringItems(s.el.Resource?.value).find((r) => isBroadResource(r.value, pathPrefixes));
      if (!broad) continue;
      where = `on "${broad.value}"`;
      related = { offset: broad.node.offset, length: broad.node.length, message: 'the broad resource' };
    }
    if (conditionEntries(s).some((e) => e.key.name.toLowerCase() === keyLower)) continue;
    const at = grant.item ? grant.item.node : s.el.NotAction!.key;
    const how = grant.via === 'explicit' ? 'explicitly' : grant.via === 'wildcard' ? `via "${grant.item!.value}"` : 'via NotAction (which does not exclude it)';
    out.push({ statement: s, offset: at.offset, length: at.length, how, where, related: [related] });
  }
  return out;
}

/** JSON path of a statement object (Statement may be a single object). */
export function statementPath(ctx: RuleContext, s: Statement): (string | number)[] {
  const list = ctx.policy.statementProp;
  const name = list?.name ?? 'Statement'; // as written: a misspelt list is read as the list
  return list?.value?.type === 'array' ? [name, s.index] : [name];
}
