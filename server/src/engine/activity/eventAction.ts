import { IamData, ActionInfo } from '../iam/data';

/** A CloudTrail record as JSON.parse returns it; only the fields used here are typed. */
export interface TrailRecord {
  eventSource?: unknown;
  eventName?: unknown;
  eventType?: unknown;
  awsRegion?: unknown;
  recipientAccountId?: unknown;
  errorCode?: unknown;
  eventTime?: unknown;
  requestParameters?: unknown;
  userIdentity?: { accountId?: unknown; type?: unknown; arn?: unknown } | null;
  [k: string]: unknown;
}

/**
 * eventSource host -> IAM service prefix, where they differ. Amazon Q in Connect logs as
 * qconnect but is authorised as wisdom; Contact Lens and the participant service are
 * authorised through connect.
 */
const SOURCE_TO_PREFIX: Record<string, string> = {
  qconnect: 'wisdom',
  'contact-lens': 'connect',
  'participant-connect': 'connect',
  participant: 'connect',
};

export interface MappedEvent {
  /** IAM action the call needed, when there is one. */
  action?: ActionInfo;
  /** Why there is no action (console sign-in, unknown API...). */
  unmapped?: string;
  /** Resource ARNs the call touched, as precisely as the record says; `*` when unknown. */
  resources: string[];
  /** Why the resource is broad, when it is. */
  resourceNote?: string;
  /** The call failed with an access error: it was attempted, not granted. */
  denied: boolean;
}

export function prefixOfSource(eventSource: string): string {
  const host = eventSource.toLowerCase().replace(/\.amazonaws\.com(\.cn)?$/, '');
  const first = host.split('.')[0];
  return SOURCE_TO_PREFIX[host] ?? SOURCE_TO_PREFIX[first] ?? first;
}

const DENIED = /^(AccessDenied|AccessDeniedException|UnauthorizedOperation|Client\.UnauthorizedOperation|UnauthorizedException)$/;

/** Maps one record to the IAM action it exercised and the resources it touched. */
export function mapEvent(record: TrailRecord, iam: IamData): MappedEvent {
  const denied = typeof record.errorCode === 'string' && DENIED.test(record.errorCode);
  if (record.eventType !== undefined && record.eventType !== 'AwsApiCall') {
    return { unmapped: `${String(record.eventType)} events are not API calls a policy grants`, resources: [], denied };
  }
  if (typeof record.eventSource !== 'string' || typeof record.eventName !== 'string') {
    return { unmapped: 'the record has no eventSource or eventName', resources: [], denied };
  }
  const prefix = prefixOfSource(record.eventSource);
  if (!iam.hasService(prefix)) return { unmapped: `no IAM service with prefix "${prefix}" (from ${record.eventSource})`, resources: [], denied };
  const action = iam.action(prefix, record.eventName);
  if (!action) {
    return { unmapped: `${prefix} defines no IAM action named ${record.eventName} (the API may not be permission-gated, or the IAM data ${iam.dataVersion} lags)`, resources: [], denied };
  }
  const { resources, note } = resourcesFor(action, record, iam);
  return { action, resources, resourceNote: note, denied };
}

/** Lower-cased requestParameters keys for placeholder lookup. */
function parameters(record: TrailRecord): Map<string, string> {
  const out = new Map<string, string>();
  const rp = record.requestParameters;
  if (rp && typeof rp === 'object' && !Array.isArray(rp)) {
    for (const [k, v] of Object.entries(rp as Record<string, unknown>)) {
      if (typeof v === 'string' && /^[A-Za-z0-9._:/-]{1,256}$/.test(v)) out.set(k.toLowerCase(), v);
    }
  }
  return out;
}

function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * Fills the ARN patterns of the action's resource types from the record. Placeholders
 * the record does not carry become `*`; an instance id that is an ARN is reduced to its id.
 */
function resourcesFor(action: ActionInfo, record: TrailRecord, iam: IamData): { resources: string[]; note?: string } {
  const types = action.resourceTypes.filter((t) => t.name);
  if (!types.length) return { resources: ['*'], note: `${action.fullName} supports no resource type: IAM requires "Resource": "*"` };
  const region = typeof record.awsRegion === 'string' ? record.awsRegion : '*';
  const account = typeof record.recipientAccountId === 'string' ? record.recipientAccountId : typeof record.userIdentity?.accountId === 'string' ? record.userIdentity.accountId : '*';
  const params = parameters(record);
  // Use the required resource types; when none is required, the first listed one.
  const chosen = types.some((t) => t.required) ? types.filter((t) => t.required) : [types[0]];
  const out: string[] = [];
  let unresolved = false;
  for (const t of chosen) {
    const info = iam.resourceType(action.service, t.name);
    if (!info) continue;
    const arn = info.arn.replace(/\$\{([A-Za-z]+)\}/g, (_m, name: string) => {
      if (name === 'Partition') return partitionOf(region);
      if (name === 'Region') return region;
      if (name === 'Account') return account;
      let v = params.get(name.toLowerCase());
      if (v && v.startsWith('arn:')) v = v.split('/').pop();
      if (!v) unresolved = true;
      return v ?? '*';
    });
    if (!out.includes(arn)) out.push(arn);
  }
  if (!out.length) return { resources: ['*'], note: `no ARN format known for ${action.fullName}'s resource types` };
  return { resources: out, note: unresolved ? 'some identifiers were not in the record and are wildcarded' : undefined };
}
