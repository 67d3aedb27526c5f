import type { ActionInfo, IamData, ResourceTypeInfo } from '../iam/data';
import { CONNECT_PREFIX } from './access';

const isResourceTagKey = (k: string) => k.toLowerCase().startsWith('aws:resourcetag/');

const typesCache = new WeakMap<IamData, readonly ResourceTypeInfo[]>();

/**
 * Connect resource types that carry tags an `aws:ResourceTag/...` condition can test,
 * from the catalogue (queues, flows, users, security profiles...).
 */
export function taggableConnectResourceTypes(iam: IamData): readonly ResourceTypeInfo[] {
  let hit = typesCache.get(iam);
  if (!hit) {
    hit = iam.resourceTypesOf(CONNECT_PREFIX).filter((r) => r.arn.includes(`:${CONNECT_PREFIX}:`) && r.conditionKeys.some(isResourceTagKey));
    typesCache.set(iam, hit);
  }
  return hit;
}

/**
 * Whether IAM evaluates `aws:ResourceTag/...` for this action: the key is listed for the
 * action or for one of its resource types in the action's row. When it is not, a tag
 * condition would make the action never allowed, so no rule should ask for one.
 */
export function acceptsResourceTag(a: ActionInfo): boolean {
  return a.conditionKeys.some(isResourceTagKey) || a.resourceTypes.some((r) => r.conditionKeys.some(isResourceTagKey));
}
