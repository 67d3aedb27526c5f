export { mapEvent, prefixOfSource } from './eventAction';
export type { TrailRecord, MappedEvent } from './eventAction';
export { PolicyGenerator } from './generatePolicy';
export type { GeneratedPolicy, GenerateOptions } from './generatePolicy';
export { ActivityChecker } from './checkActivity';
export type { ActivityCheck, UnusedGrant, MissingGrant, CheckOptions } from './checkActivity';
export { decide, evalStatements } from './evaluate';
