import { Rule } from '../../types';
import { connectWildcardAllow } from './connectWildcardAllow';
import { connectPrivilegeChange } from './connectPrivilegeChange';
import { connectEmergencyAccess } from './connectEmergencyAccess';
import { connectTagBasedAccess } from './connectTagBasedAccess';
import { endpointConnectNoPrivatelink } from './endpointConnectNoPrivatelink';
import { endpointOpenPrincipal } from './endpointOpenPrincipal';

/** The connect rules, in catalogue order. Add a rule: import it and list it here. */
export const connectRules: Rule[] = [
  connectWildcardAllow, connectPrivilegeChange, connectEmergencyAccess, connectTagBasedAccess, endpointConnectNoPrivatelink, endpointOpenPrincipal,
];
