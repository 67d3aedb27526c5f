import { Rule } from '../../types';

/** The cloudtrail rules, in catalogue order. Add a rule: import it and list it here. */
export const cloudtrailRules: Rule[] = [];
