import { Rule } from '../../types';
import { unknownServicePrefix } from './unknownServicePrefix';
import { unknownAction } from './unknownAction';
import { wildcardMatchesNothing } from './wildcardMatchesNothing';
import { invalidArn } from './invalidArn';
import { resourceTypeMismatch } from './resourceTypeMismatch';
import { redundantAction } from './redundantAction';
import { redundantResource } from './redundantResource';
import { redundantStatement } from './redundantStatement';
import { notActionWithAllow } from './notActionWithAllow';
import { notResourceWithAllow } from './notResourceWithAllow';
import { passroleWildcardResource } from './passroleWildcardResource';
import { serviceLinkedRoleUnscoped } from './serviceLinkedRoleUnscoped';
import { unknownConditionKey } from './unknownConditionKey';
import { conditionKeyNotApplicable } from './conditionKeyNotApplicable';
import { conditionOperator } from './conditionOperator';
import { conditionPrivateIp } from './conditionPrivateIp';
import { conditionVpcFormat } from './conditionVpcFormat';
import { servicePrincipalCondition } from './servicePrincipalCondition';
import { kmsViaService } from './kmsViaService';
import { conditionPairedKeys } from './conditionPairedKeys';
import { conditionRegion } from './conditionRegion';
import { oidcTrustCondition } from './oidcTrustCondition';
import { conditionRedundantValue } from './conditionRedundantValue';

/** The iam rules, in catalogue order. Add a rule: import it and list it here. */
export const iamRules: Rule[] = [
  unknownServicePrefix,
  unknownAction,
  wildcardMatchesNothing,
  invalidArn,
  resourceTypeMismatch,
  redundantAction,
  notActionWithAllow,
  notResourceWithAllow,
  passroleWildcardResource,
  serviceLinkedRoleUnscoped,
  redundantResource,
  redundantStatement,
  unknownConditionKey,
  conditionKeyNotApplicable,
  conditionOperator,
  conditionPrivateIp,
  conditionVpcFormat,
  servicePrincipalCondition,
  kmsViaService,
  conditionPairedKeys,
  conditionRegion,
  oidcTrustCondition,
  conditionRedundantValue,
];
