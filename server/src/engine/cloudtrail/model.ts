/**
 * Reading CloudTrail records as plain objects (from `JSON.parse`). Every accessor checks
 * types: a record may be malformed, and a wrong type must never throw.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(o: unknown, key: string): string | undefined {
  if (!isObject(o) || !Object.prototype.hasOwnProperty.call(o, key)) return undefined;
  const v = o[key];
  return typeof v === 'string' ? v : undefined;
}

export function obj(o: unknown, key: string): JsonObject | undefined {
  if (!isObject(o) || !Object.prototype.hasOwnProperty.call(o, key)) return undefined;
  const v = o[key];
  return isObject(v) ? v : undefined;
}

export function userIdentityOf(record: unknown): JsonObject | undefined {
  return obj(record, 'userIdentity');
}

/** `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION` -> role ARN (without path) and session. */
export function parseAssumedRoleArn(arn: string): { roleArn: string; role: string; session: string } | undefined {
  const m = /^arn:([^:]+):sts::([^:]*):assumed-role\/([^/]+)\/(.+)$/.exec(arn);
  if (!m) return undefined;
  return { roleArn: `arn:${m[1]}:iam::${m[2]}:role/${m[3]}`, role: m[3], session: m[4] };
}

/**
 * A readable, stable name for who made the call: the identity ARN (for an assumed role,
 * `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`), the root ARN, the calling service, or
 * the principal id. Used for grouping in trees and summaries.
 */
export function principalOf(record: unknown): string {
  const ui = userIdentityOf(record);
  if (!ui) return 'unknown';
  const type = str(ui, 'type');
  const arn = str(ui, 'arn');
  if (type === 'AWSService') return str(ui, 'invokedBy') ?? 'AWS service';
  if (arn) return arn;
  if (type === 'Root') {
    const acct = str(ui, 'accountId');
    return acct ? `arn:aws:iam::${acct}:root` : 'root';
  }
  return str(ui, 'userName') ?? str(ui, 'principalId') ?? str(ui, 'invokedBy') ?? (type ? `${type} (no ARN)` : 'unknown');
}

/** The role behind an assumed-role session: sessionIssuer's ARN (with path) or derived from the session ARN. */
export function roleArnOf(record: unknown): string | undefined {
  const ui = userIdentityOf(record);
  if (!ui) return undefined;
  const issuer = obj(obj(ui, 'sessionContext'), 'sessionIssuer');
  if (str(issuer, 'type') === 'Role' && str(issuer, 'arn')) return str(issuer, 'arn');
  const arn = str(ui, 'arn');
  return arn ? parseAssumedRoleArn(arn)?.roleArn : undefined;
}

/** Role session name (assumed role) or federated user name. */
export function sessionNameOf(record: unknown): string | undefined {
  const ui = userIdentityOf(record);
  const arn = str(ui, 'arn');
  if (arn) {
    const ar = parseAssumedRoleArn(arn);
    if (ar) return ar.session;
    const fed = /^arn:[^:]+:sts::[^:]*:federated-user\/(.+)$/.exec(arn);
    if (fed) return fed[1];
  }
  return undefined;
}

/** `sessionContext.attributes.mfaAuthenticated` as written ("true"/"false"), or undefined. */
export function mfaAttribute(record: unknown): unknown {
  const attrs = obj(obj(userIdentityOf(record), 'sessionContext'), 'attributes');
  return attrs && Object.prototype.hasOwnProperty.call(attrs, 'mfaAuthenticated') ? attrs.mfaAuthenticated : undefined;
}

/** Milliseconds since the epoch, or undefined when eventTime is missing or not a date. */
export function eventTimeMs(record: unknown): number | undefined {
  const t = str(record, 'eventTime');
  if (!t) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The fields every CloudTrail finding carries in `finding.data` (the editor's tree groups on them). */
export interface EventData {
  principal: string;
  eventName: string;
  eventSource: string;
  eventTime: string;
  sourceIPAddress: string;
  [extra: string]: string | number | boolean;
}

export function eventData(record: unknown): EventData {
  const d: EventData = {
    principal: principalOf(record),
    eventName: str(record, 'eventName') ?? '',
    eventSource: str(record, 'eventSource') ?? '',
    eventTime: str(record, 'eventTime') ?? '',
    sourceIPAddress: str(record, 'sourceIPAddress') ?? '',
  };
  const role = roleArnOf(record);
  if (role) d.role = role;
  const type = str(userIdentityOf(record), 'type');
  if (type) d.principalType = type;
  return d;
}

/** "DeleteInstance by arn:... at 2026-10-01T09:14:03Z from 203.0.113.7" */
export function describeCall(d: EventData): string {
  return `${d.eventName || '(no eventName)'} by ${d.principal} at ${d.eventTime || '(no time)'} from ${d.sourceIPAddress || '(no source IP)'}`;
}
