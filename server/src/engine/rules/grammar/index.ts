import { Rule } from '../../types';
import { jsonSyntax } from './jsonSyntax';
import { missingVersion } from './missingVersion';

/** The grammar rules, in catalogue order. Add a rule: import it and list it here. */
export const grammarRules: Rule[] = [jsonSyntax, missingVersion];
