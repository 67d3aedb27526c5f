import { Rule } from '../../types';

/** The iam rules, in catalogue order. Add a rule: import it and list it here. */
export const iamRules: Rule[] = [];
