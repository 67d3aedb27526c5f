import { Rule } from '../../types';

/** The connect rules, in catalogue order. Add a rule: import it and list it here. */
export const connectRules: Rule[] = [];
