import type { ActionInfo, IamData } from '../iam/data';
import { CONNECT_PREFIX } from './access';

/**
 * Connect actions that change who can do what inside an instance (DOMAIN.md, "Amazon
 * Connect IAM facts"). This is policy, so it is written by hand; the patterns are
 * expanded against the catalogue so new `UpdateUser*` actions join automatically.
 */
export const PRIVILEGE_CHANGE_PATTERNS: readonly string[] = [
  'CreateUser', 'DeleteUser', 'UpdateUser*',
  'CreateSecurityProfile', 'UpdateSecurityProfile', 'DeleteSecurityProfile',
  'CreateInstance', 'DeleteInstance',
  'CreateIntegrationAssociation', 'DeleteIntegrationAssociation',
  'AdminGetEmergencyAccessToken', 'GetFederationToken',
];

/**
 * Actions that hand out a Connect sign-in: the emergency administrator login (Write)
 * and the federation token (classed Read although it returns credentials).
 */
export const EMERGENCY_ACCESS_ACTIONS: readonly string[] = ['AdminGetEmergencyAccessToken', 'GetFederationToken'];

const cache = new WeakMap<IamData, readonly ActionInfo[]>();

/** The privilege-changing Connect actions in this catalogue, in catalogue order. */
export function privilegeChangeActions(iam: IamData): readonly ActionInfo[] {
  let hit = cache.get(iam);
  if (!hit) {
    const set = new Set<ActionInfo>();
    for (const p of PRIVILEGE_CHANGE_PATTERNS) for (const a of iam.expandAction(`${CONNECT_PREFIX}:${p}`)) set.add(a);
    hit = iam.actionsOf(CONNECT_PREFIX).filter((a) => set.has(a));
    cache.set(iam, hit);
  }
  return hit;
}

export function isEmergencyAccess(a: ActionInfo): boolean {
  return a.service === CONNECT_PREFIX && EMERGENCY_ACCESS_ACTIONS.includes(a.name);
}
