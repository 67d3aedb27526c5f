import { Rule } from './types';
import { grammarRules } from './rules/grammar';
import { iamRules } from './rules/iam';
import { connectRules } from './rules/connect';
import { cloudtrailRules } from './rules/cloudtrail';
import { activityRules } from './rules/activity/activityRules';
import { documentKind } from './rules/engine/documentKind';
import { internalError } from './rules/engine/internalError';

/** Every rule, in catalogue order. Names and ids are unique (checked at load). */
export const RULES: readonly Rule[] = [...grammarRules, ...iamRules, ...connectRules, ...cloudtrailRules, ...activityRules, documentKind, internalError];

const BY_NAME = new Map<string, Rule>();
for (const r of RULES) {
  if (BY_NAME.has(r.name)) throw new Error(`duplicate rule name ${r.name}`);
  BY_NAME.set(r.name, r);
}
{
  const ids = new Set<string>();
  for (const r of RULES) {
    if (ids.has(r.id)) throw new Error(`duplicate rule id ${r.id}`);
    ids.add(r.id);
  }
}

/** The rule with this name; throws on an unknown name (a finding never lacks metadata). */
export function getRule(name: string): Rule {
  const r = BY_NAME.get(name);
  if (!r) throw new Error(`unknown rule "${name}"`);
  return r;
}

export function hasRule(name: string): boolean {
  return BY_NAME.has(name);
}

/** Documentation URL of a rule (diagnostics' codeDescription, SARIF helpUri). */
export const DOCS_BASE = 'https://github.com/connect-guard/connect-guard/blob/main/docs/rules/';
export function ruleDocsUrl(name: string): string {
  return `${DOCS_BASE}${name}.md`;
}
