import { Rule } from '../../types';
import { unknownServicePrefix } from './unknownServicePrefix';
import { unknownAction } from './unknownAction';
import { wildcardMatchesNothing } from './wildcardMatchesNothing';
import { invalidArn } from './invalidArn';
import { resourceTypeMismatch } from './resourceTypeMismatch';
import { redundantAction } from './redundantAction';
import { notActionWithAllow } from './notActionWithAllow';
import { notResourceWithAllow } from './notResourceWithAllow';
import { passroleWildcardResource } from './passroleWildcardResource';
import { serviceLinkedRoleUnscoped } from './serviceLinkedRoleUnscoped';

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
];
