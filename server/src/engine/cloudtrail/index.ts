/**
 * CloudTrail analysis, reusable outside the lint rules (policy generation from activity,
 * benchmarks, the CLI's activity summary).
 */
export { scanRecords, CloudTrailScanner } from './scanner';
export type { ScannedRecord, LogShape, ShapeProblem } from './scanner';
export { principalOf, roleArnOf, sessionNameOf, parseAssumedRoleArn, eventData, eventTimeMs, mfaAttribute, isObject, str, obj, userIdentityOf } from './model';
export type { EventData, JsonObject } from './model';
export { SENSITIVE_APIS, CONNECT_FAMILY_SOURCES, sensitiveApi, isSensitive, isConnectFamily } from './catalogue';
export type { SensitiveApi, SensitiveCategory } from './catalogue';
export { principalMatcher } from './principals';
export { parseIp, parseCidr, cidrContains } from './cidr';
export type { Cidr } from './cidr';
export { runCloudTrail, runCloudTrailSteps, runCloudTrailViews, drain, RECORDS_PER_STEP, RecordView, cloudTrailRule, isCloudTrailRule } from './analyse';
export type { CloudTrailRule, CloudTrailVisitor, CloudTrailRun, Range } from './analyse';
export { ActivitySummary } from './activity';
export type { Count } from './activity';
export { lintCloudTrailFiles } from './stream';
export type { CloudTrailSource, CloudTrailFileResult } from './stream';
export { lintCloudTrail, lintCloudTrailSteps } from './lintCloudTrail';
export { RecordSplitter, lintCloudTrailBytes, lintBytesIfCloudTrail } from './bytes';
export type { BytesLintResult, Position } from './bytes';
