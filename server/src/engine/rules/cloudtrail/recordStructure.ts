import { Severity } from '../../types';
import { cloudTrailRule, RecordView } from '../../cloudtrail/analyse';
import { isObject, JsonObject, obj } from '../../cloudtrail/model';
import { docRecord } from './util';

const EVENT_TYPES = new Set(['AwsApiCall', 'AwsServiceEvent', 'AwsConsoleAction', 'AwsConsoleSignIn', 'AwsCloudTrailInsight', 'AwsVpceEvent']);
const EVENT_CATEGORIES = new Set(['Management', 'Data', 'Insight', 'NetworkActivity']);
const IDENTITY_TYPES = new Set(['Root', 'IAMUser', 'AssumedRole', 'Role', 'FederatedUser', 'Directory', 'AWSAccount', 'AWSService', 'SAMLUser', 'WebIdentityUser', 'IdentityCenterUser', 'Unknown']);

const COMMON = ['eventVersion', 'eventTime', 'eventType', 'eventID', 'awsRegion'];
/** Fields CloudTrail always writes, by eventType (null is a value: requestParameters is often null). */
const REQUIRED: Record<string, string[]> = {
  AwsApiCall: ['userIdentity', 'eventSource', 'eventName', 'sourceIPAddress', 'requestParameters', 'responseElements', 'requestID'],
  AwsConsoleAction: ['userIdentity', 'eventSource', 'eventName', 'sourceIPAddress'],
  AwsConsoleSignIn: ['userIdentity', 'eventSource', 'eventName', 'sourceIPAddress'],
  AwsServiceEvent: ['eventSource', 'eventName'],
  AwsCloudTrailInsight: ['insightDetails'],
};
const DEFAULT_REQUIRED = ['eventSource', 'eventName'];

const STRINGS = ['eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'eventID', 'eventType', 'eventCategory', 'requestID', 'userAgent', 'errorCode', 'errorMessage', 'recipientAccountId', 'sharedEventID', 'vpcEndpointId', 'sessionCredentialFromConsole'];
const OBJECTS_OR_NULL = ['requestParameters', 'responseElements', 'additionalEventData', 'serviceEventDetails', 'tlsDetails', 'insightDetails', 'addendum', 'edgeDeviceDetails'];
const BOOLEANS = ['readOnly', 'managementEvent'];
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

export const recordStructure = cloudTrailRule(
  {
    id: 'CG4001',
    name: 'ct-record-structure',
    defaultSeverity: 'error',
    short: 'A CloudTrail record is missing fields or has fields of the wrong type',
    description:
      'Checks each record against the CloudTrail record contents: the fields CloudTrail always writes for the event type, their JSON types ' +
      '(`mfaAuthenticated` is the string "true" or "false"), eventVersion 1.x, and the known eventType, eventCategory and userIdentity.type values. ' +
      'Unknown values are information only, because AWS adds new ones.',
    kinds: ['cloudtrail'],
    tags: ['cloudtrail', 'structure'],
    docs: {
      rationale:
        'Audit evidence must be what CloudTrail wrote. A record without `userIdentity`, with `mfaAuthenticated` as a boolean or with a `2.0` eventVersion was edited, converted by a tool that changed types, or is not CloudTrail at all; ' +
        'detections that compare `mfaAuthenticated` to the string "false" silently miss a boolean `false`.',
      bad: docRecord({ eventVersion: '2.0', userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/ConnectAdmin/dana.ops', sessionContext: { attributes: { mfaAuthenticated: false } } } }),
      good: docRecord({}),
      fix: 'Analyse the files as CloudTrail delivered them (`.json.gz` from the trail bucket, or a CloudTrail Lake / console export) rather than a converted copy. If a tool produced the file, fix the tool: keep strings as strings and keep every field.',
      notes:
        'Required fields depend on eventType: AwsApiCall records carry userIdentity, eventSource, eventName, sourceIPAddress, requestParameters, responseElements (both may be null) and requestID; console sign-in records have no requestID; ' +
        'service events may lack a caller; Insights events have no eventSource or eventName (they carry insightDetails). eventCategory is required from eventVersion 1.08. Unknown minor versions (1.12 and later) are accepted.',
    },
  },
  (ctx, run) => {
    const report = (message: string, range: { offset: number; length: number }, severity?: Severity) => ctx.report({ message, offset: range.offset, length: range.length, severity });
    const at = (r: RecordView, path: (string | number)[]) => r.node(path) ?? r.first;

    function checkRecord(r: RecordView, rec: JsonObject) {
      const has = (k: string) => Object.prototype.hasOwnProperty.call(rec, k);
      const eventType = typeof rec.eventType === 'string' ? rec.eventType : undefined;
      const version = typeof rec.eventVersion === 'string' ? /^(\d+)\.(\d+)$/.exec(rec.eventVersion) : null;
      const minor = version ? Number(version[2]) : undefined;

      const required = [...COMMON, ...(eventType && Object.prototype.hasOwnProperty.call(REQUIRED, eventType) ? REQUIRED[eventType] : DEFAULT_REQUIRED)];
      if (minor === undefined || minor >= 8) required.push('eventCategory');
      const missing = required.filter((k) => !has(k));
      if (missing.length) {
        report(
          `Record ${r.index + 1} has no ${missing.map((k) => `"${k}"`).join(', ')}: CloudTrail always writes ${missing.length === 1 ? 'it' : 'them'}${eventType ? ` for ${eventType} records` : ''}. The record was edited or converted; use the delivered file as evidence.`,
          r.first,
          'warning',
        );
      }

      if (has('eventVersion')) {
        if (typeof rec.eventVersion !== 'string' || !version) {
          report(`"eventVersion" must be a string "1.<minor>" such as "1.11" (found ${JSON.stringify(rec.eventVersion)}).`, at(r, ['eventVersion']));
        } else if (version[1] !== '1') {
          report(`eventVersion "${rec.eventVersion}" has major version ${version[1]}: CloudTrail records are version 1.x, so this is not a CloudTrail record or was rewritten.`, at(r, ['eventVersion']));
        }
      }
      for (const k of STRINGS) {
        if (!has(k) || typeof rec[k] === 'string' || k === 'eventVersion') continue;
        if (rec[k] === null && !required.includes(k)) continue;
        report(`"${k}" must be a string, not ${typeTypeOf(rec[k])}.`, at(r, [k]));
      }
      if (has('eventTime') && typeof rec.eventTime === 'string' && !ISO_TIME.test(rec.eventTime)) {
        report(`eventTime "${rec.eventTime}" is not an ISO 8601 UTC time such as "2026-10-01T09:14:03Z"; time filters and per-day counts cannot use it.`, at(r, ['eventTime']));
      }
      for (const k of OBJECTS_OR_NULL) {
        if (has(k) && rec[k] !== null && !isObject(rec[k])) report(`"${k}" must be an object or null, not ${typeTypeOf(rec[k])}.`, at(r, [k]));
      }
      for (const k of BOOLEANS) {
        if (has(k) && typeof rec[k] !== 'boolean' && rec[k] !== null) report(`"${k}" must be true or false (a JSON boolean), not ${typeTypeOf(rec[k])}.`, at(r, [k]));
      }
      if (has('resources') && rec.resources !== null && !Array.isArray(rec.resources)) report(`"resources" must be an array, not ${typeTypeOf(rec.resources)}.`, at(r, ['resources']));

      if (eventType && !EVENT_TYPES.has(eventType)) report(`Unknown eventType "${eventType}" (known: ${[...EVENT_TYPES].join(', ')}). AWS adds types; check that the record is CloudTrail.`, at(r, ['eventType']), 'info');
      if (typeof rec.eventCategory === 'string' && !EVENT_CATEGORIES.has(rec.eventCategory)) report(`Unknown eventCategory "${rec.eventCategory}" (known: ${[...EVENT_CATEGORIES].join(', ')}).`, at(r, ['eventCategory']), 'info');

      if (has('userIdentity')) {
        const ui = rec.userIdentity;
        if (!isObject(ui)) {
          if (ui !== null || required.includes('userIdentity')) report(`"userIdentity" must be an object, not ${typeTypeOf(ui)}.`, at(r, ['userIdentity']));
        } else {
          // Service events name the service in invokedBy and often carry no type.
          if (typeof ui.type !== 'string') {
            if (eventType !== 'AwsServiceEvent' || ui.type !== undefined) report(`userIdentity has no string "type": the caller cannot be classified.`, r.node(['userIdentity', 'type']) ?? at(r, ['userIdentity']), 'warning');
          }
          else if (!IDENTITY_TYPES.has(ui.type)) report(`Unknown userIdentity.type "${ui.type}" (known: ${[...IDENTITY_TYPES].join(', ')}). AWS adds types; principal rules treat it as unknown.`, at(r, ['userIdentity', 'type']), 'info');
          const attrs = obj(obj(ui, 'sessionContext'), 'attributes');
          if (attrs && Object.prototype.hasOwnProperty.call(attrs, 'mfaAuthenticated')) {
            const m = attrs.mfaAuthenticated;
            if (m !== 'true' && m !== 'false') {
              report(
                `mfaAuthenticated must be the string "true" or "false" as CloudTrail writes it, not ${JSON.stringify(m)}: a detection comparing it to "false" misses this value. The file was converted; use the delivered record.`,
                at(r, ['userIdentity', 'sessionContext', 'attributes', 'mfaAuthenticated']),
              );
            }
          }
        }
      }
    }

    return {
      record(r) {
        const v = r.value;
        if (r.scanned.syntaxErrors && v === undefined) return; // json-syntax reports it
        if (!isObject(v)) {
          report(`Record ${r.index + 1} is ${typeName(v)}, not an object: a CloudTrail record is a JSON object with eventVersion, eventTime, userIdentity...`, r.span);
          return;
        }
        checkRecord(r, v);
      },
      end() {
        for (const p of run.scanner.shapeProblems) report(p.message, p);
      },
    };
  },
);

function typeTypeOf(v: unknown): string {
  return `${typeName(v)} (${JSON.stringify(v)?.slice(0, 40)})`;
}
