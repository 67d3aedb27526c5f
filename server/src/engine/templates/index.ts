/** Persona templates and policy refactors: pure functions returning engine TextEdits. */
export { PERSONA_TEMPLATES, personaTemplate } from './personas';
export type { PersonaTemplate, PersonaId, PolicyObject, PolicyStatementObject } from './personas';
export { templateEdits, templateText, minimalEdit } from './insertTemplate';
export { tagConditionEdits } from './tagCondition';
export type { TagConditionResult } from './tagCondition';
export { scopeToInstanceEdits } from './scopeToInstance';
export type { ScopeResult } from './scopeToInstance';
export { INSTANCE_ARN, parseInstanceArn, instanceArnProblem } from './instanceArn';
export { statementAt } from './statementAt';
