import { Rule } from '../../types';
import { recordStructure } from './recordStructure';
import { sensitiveConnectCall } from './sensitiveConnectCall';
import { unapprovedPrincipal } from './unapprovedPrincipal';
import { noMfa } from './noMfa';
import { rootActivity } from './rootActivity';
import { accessDeniedProbing } from './accessDeniedProbing';
import { unexpectedSource } from './unexpectedSource';
import { emergencyAccess } from './emergencyAccess';

/** The cloudtrail rules, in catalogue order. Add a rule: import it and list it here. */
export const cloudtrailRules: Rule[] = [recordStructure, sensitiveConnectCall, unapprovedPrincipal, noMfa, rootActivity, accessDeniedProbing, unexpectedSource, emergencyAccess];
