import { Rule } from '../../types';
import { jsonSyntax } from './jsonSyntax';
import { missingVersion } from './missingVersion';
import { invalidVersion } from './invalidVersion';
import { missingStatement } from './missingStatement';
import { unknownElement } from './unknownElement';
import { invalidEffect } from './invalidEffect';
import { actionAndNotaction } from './actionAndNotaction';
import { missingAction } from './missingAction';
import { missingResource } from './missingResource';
import { missingPrincipal } from './missingPrincipal';
import { principalNotAllowed } from './principalNotAllowed';
import { invalidSid } from './invalidSid';
import { duplicateSid } from './duplicateSid';
import { invalidCharacters } from './invalidCharacters';
import { policySize } from './policySize';
import { emptyValue } from './emptyValue';
import { invalidType } from './invalidType';
import { duplicateKey } from './duplicateKey';
import { principalShape } from './principalShape';
import { policyVariable } from './policyVariable';

/** The grammar rules, in catalogue order. Add a rule: import it and list it here. */
export const grammarRules: Rule[] = [
  jsonSyntax,
  missingVersion,
  invalidVersion,
  missingStatement,
  unknownElement,
  invalidEffect,
  actionAndNotaction,
  missingAction,
  missingResource,
  missingPrincipal,
  principalNotAllowed,
  invalidSid,
  duplicateSid,
  invalidCharacters,
  policySize,
  emptyValue,
  invalidType,
  duplicateKey,
  principalShape,
  policyVariable,
];
