import { SENSITIVE_APIS, CONNECT_FAMILY_SOURCES } from '../cloudtrail/catalogue';

/**
 * The CloudTrail detections of the engine's ct-* rules, as data that AWS's own engines
 * run: EventBridge event patterns, a CloudFormation template (EventBridge rules to an SNS
 * topic), and SQL for Athena and CloudTrail Lake. All are generated from the same
 * catalogue the engine uses (`SENSITIVE_APIS`, `CONNECT_FAMILY_SOURCES`), so the exports
 * and the editor never disagree about what is sensitive.
 */
export interface Detection {
  id: string;
  /** The engine rule it mirrors. */
  rule: string;
  description: string;
}

export const DENIED_CODES = ['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'Client.UnauthorizedOperation', 'UnauthorizedException'];

export const DETECTIONS: Detection[] = [
  { id: 'ConnectSensitiveCall', rule: 'ct-sensitive-connect-call', description: 'Sensitive Amazon Connect family API call (instances, users, security profiles, integrations, data locations, Voice ID domains, emergency access)' },
  { id: 'ConnectSensitiveCallWithoutMfa', rule: 'ct-no-mfa', description: 'Sensitive Amazon Connect family API call from a session without MFA' },
  { id: 'ConnectRootActivity', rule: 'ct-root-activity', description: 'Any Amazon Connect family API call by the root user' },
  { id: 'ConnectAccessDenied', rule: 'ct-access-denied-probing', description: 'Access denied on an Amazon Connect family API (aggregate per principal downstream)' },
  { id: 'ConnectEmergencyAccess', rule: 'ct-emergency-access', description: 'Amazon Connect emergency administrator sign-in token requested' },
];

/** source -> exact names and name prefixes of its sensitive APIs. */
function sensitiveBySource(): Map<string, { exact: string[]; prefixes: string[] }> {
  const out = new Map<string, { exact: string[]; prefixes: string[] }>();
  for (const api of SENSITIVE_APIS) {
    for (const s of api.sources) {
      const e = out.get(s) ?? { exact: [], prefixes: [] };
      if (api.name.endsWith('*')) e.prefixes.push(api.name.slice(0, -1));
      else e.exact.push(api.name);
      out.set(s, e);
    }
  }
  return out;
}

const FAMILY = Object.keys(CONNECT_FAMILY_SOURCES);

// ---------- EventBridge ----------

type Pattern = Record<string, unknown>;

function sensitiveDetail(): Pattern[] {
  return [...sensitiveBySource()].map(([source, e]) => ({
    eventSource: [source],
    eventName: [...e.exact, ...e.prefixes.map((p) => ({ prefix: p }))],
  }));
}

/** One EventBridge pattern per detection, on "AWS API Call via CloudTrail" events. */
export function eventBridgePatterns(): Record<string, Pattern> {
  const base = { 'detail-type': ['AWS API Call via CloudTrail'] };
  const sensitive = sensitiveDetail();
  return {
    ConnectSensitiveCall: { ...base, detail: { $or: sensitive } },
    ConnectSensitiveCallWithoutMfa: {
      ...base,
      detail: { userIdentity: { sessionContext: { attributes: { mfaAuthenticated: ['false'] } } }, $or: sensitive },
    },
    ConnectRootActivity: { ...base, detail: { eventSource: FAMILY, userIdentity: { type: ['Root'] } } },
    ConnectAccessDenied: { ...base, detail: { eventSource: FAMILY, errorCode: DENIED_CODES } },
    ConnectEmergencyAccess: { ...base, detail: { eventSource: ['connect.amazonaws.com'], eventName: ['AdminGetEmergencyAccessToken'] } },
  };
}

// ---------- CloudFormation ----------

export function cloudFormationTemplate(): object {
  const patterns = eventBridgePatterns();
  const resources: Record<string, unknown> = {
    AlertTopic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'connect-guard-alerts', KmsMasterKeyId: 'alias/aws/sns' } },
    AlertTopicPolicy: {
      Type: 'AWS::SNS::TopicPolicy',
      Properties: {
        Topics: [{ Ref: 'AlertTopic' }],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: DETECTIONS.map((d) => ({
            Sid: `Allow${d.id}`,
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: { Ref: 'AlertTopic' },
            Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [`${d.id}Rule`, 'Arn'] } } },
          })),
        },
      },
    },
  };
  for (const d of DETECTIONS) {
    resources[`${d.id}Rule`] = {
      Type: 'AWS::Events::Rule',
      Properties: {
        Description: `connect-guard ${d.rule}: ${d.description}`,
        State: 'ENABLED',
        EventPattern: patterns[d.id],
        Targets: [{ Arn: { Ref: 'AlertTopic' }, Id: 'AlertTopic' }],
      },
    };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'connect-guard: Amazon Connect CloudTrail detections as EventBridge rules publishing to an SNS topic. Deploy in each Region where Connect runs (EventBridge sees the Region\'s events only).',
    Resources: resources,
    Outputs: { AlertTopicArn: { Value: { Ref: 'AlertTopic' }, Description: 'Subscribe your security team to this topic.' } },
  };
}

// ---------- SQL (Athena and CloudTrail Lake) ----------

export type SqlDialect = 'athena' | 'cloudtrail-lake';

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

interface Columns {
  eventSource: string; eventName: string; eventTime: string; userType: string; userArn: string; mfa: string; errorCode: string; sourceIp: string; region: string;
}
const COLUMNS: Record<SqlDialect, Columns> = {
  athena: {
    eventSource: 'eventsource', eventName: 'eventname', eventTime: 'eventtime', userType: 'useridentity.type', userArn: 'useridentity.arn',
    mfa: 'useridentity.sessioncontext.attributes.mfaauthenticated', errorCode: 'errorcode', sourceIp: 'sourceipaddress', region: 'awsregion',
  },
  'cloudtrail-lake': {
    eventSource: 'eventSource', eventName: 'eventName', eventTime: 'eventTime', userType: 'userIdentity.type', userArn: 'userIdentity.arn',
    mfa: 'userIdentity.sessionContext.attributes.mfaAuthenticated', errorCode: 'errorCode', sourceIp: 'sourceIPAddress', region: 'awsRegion',
  },
};

function sensitiveSql(c: Columns): string {
  return [...sensitiveBySource()].map(([source, e]) => {
    const names = [
      ...(e.exact.length ? [`${c.eventName} IN (${e.exact.map(q).join(', ')})`] : []),
      ...e.prefixes.map((p) => `${c.eventName} LIKE ${q(p + '%')}`),
    ];
    return `(${c.eventSource} = ${q(source)} AND (${names.join(' OR ')}))`;
  }).join('\n     OR ');
}

/**
 * One query per detection. The SQL stays inside a small subset (SELECT ... FROM ...
 * WHERE with =, IN, LIKE, AND, OR, NOT, IS NULL; ORDER BY) that both Athena (Trino) and
 * CloudTrail Lake accept, and that the tests evaluate against sample events.
 */
export function sqlQueries(dialect: SqlDialect, source: string): Record<string, string> {
  const c = COLUMNS[dialect];
  const select = `SELECT ${c.eventTime}, ${c.userArn}, ${c.userType}, ${c.eventSource}, ${c.eventName}, ${c.sourceIp}, ${c.region}, ${c.errorCode}\nFROM ${source}\nWHERE `;
  const order = `\nORDER BY ${c.eventTime}`;
  const family = `${c.eventSource} IN (${FAMILY.map(q).join(', ')})`;
  return {
    ConnectSensitiveCall: `${select}${sensitiveSql(c)}${order}`,
    ConnectSensitiveCallWithoutMfa: `${select}${c.mfa} = 'false'\n  AND (${sensitiveSql(c)})${order}`,
    ConnectRootActivity: `${select}${c.userType} = 'Root' AND ${family}${order}`,
    ConnectAccessDenied: `${select}${family} AND ${c.errorCode} IN (${DENIED_CODES.map(q).join(', ')})${order}`,
    ConnectEmergencyAccess: `${select}${c.eventSource} = 'connect.amazonaws.com' AND ${c.eventName} = 'AdminGetEmergencyAccessToken'${order}`,
  };
}

export function sqlScript(dialect: SqlDialect, source: string): string {
  const queries = sqlQueries(dialect, source);
  const head = dialect === 'athena'
    ? `-- connect-guard detections for Amazon Athena over a CloudTrail table (${source}).\n-- Create the table as in the CloudTrail User Guide ("Querying AWS CloudTrail logs"); columns are lower case.\n`
    : `-- connect-guard detections for CloudTrail Lake. Replace ${source} with your event data store ID.\n`;
  return head + DETECTIONS.map((d) => `\n-- ${d.id} (${d.rule}): ${d.description}\n${queries[d.id]};\n`).join('');
}
