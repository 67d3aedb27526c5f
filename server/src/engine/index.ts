/** Public surface of the engine, shared by the CLI, the language server and the tests. */
export * from './types';
export { lint, runRules, sortFindings, KIND_LABEL } from './lint';
export type { LintOptions, LintResult } from './lint';
export { RULES, getRule, hasRule, ruleDocsUrl } from './registry';
export { parseJson, LineIndex, properties, property, stringItems } from './json';
export type { JsonDocument, Node, Property } from './json';
export { readPolicy, statementLabel } from './policy';
export { loadIamData, IamData } from './iam/data';
export { resolveKind, kindFromFileName, guessKindFromContent, FILE_NAME_CONVENTIONS, isDocumentKind } from './kinds';
export { DEFAULT_SETTINGS, mergeSettings } from './config';
export type { EngineSettings, ConfigFile, RuleSetting, CloudTrailSettings } from './config';
export { applyEdits, applyFix } from './fixes';
export * as activity from './activity';
export * as cloudtrail from './cloudtrail';
export * as detections from './detections';
