import type { ActionInfo, IamData } from '../iam/data';

/** The core Amazon Connect service prefix (the others are Voice ID, Wisdom, Customer Profiles...). */
export const CONNECT_PREFIX = 'connect';

/**
 * A Connect action that changes state. The data classes no Connect action as
 * "Permissions management", but counting it keeps the rule right if AWS reclassifies one.
 */
export function isConnectWrite(a: ActionInfo): boolean {
  return a.service === CONNECT_PREFIX && (a.accessLevel === 'Write' || a.accessLevel === 'Permissions management' || a.accessLevel === 'Tagging');
}

const writeCache = new WeakMap<IamData, readonly ActionInfo[]>();

/** Every Connect write action in the catalogue (about 235 today), computed once per catalogue. */
export function connectWriteActions(iam: IamData): readonly ActionInfo[] {
  let hit = writeCache.get(iam);
  if (!hit) {
    hit = iam.actionsOf(CONNECT_PREFIX).filter(isConnectWrite);
    writeCache.set(iam, hit);
  }
  return hit;
}
