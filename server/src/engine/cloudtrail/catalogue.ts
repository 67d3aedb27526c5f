import { Severity } from '../types';

/**
 * The Amazon Connect family as CloudTrail names it (`eventSource`). Amazon Q in Connect
 * logs under both `wisdom` and `qconnect`.
 */
export const CONNECT_FAMILY_SOURCES: Readonly<Record<string, string>> = {
  'connect.amazonaws.com': 'Amazon Connect',
  'voiceid.amazonaws.com': 'Voice ID',
  'wisdom.amazonaws.com': 'Amazon Q in Connect (Wisdom)',
  'qconnect.amazonaws.com': 'Amazon Q in Connect',
  'profile.amazonaws.com': 'Customer Profiles',
  'cases.amazonaws.com': 'Connect Cases',
  'app-integrations.amazonaws.com': 'AppIntegrations',
  'connect-campaigns.amazonaws.com': 'Connect outbound campaigns',
};

export function isConnectFamily(eventSource: unknown): eventSource is string {
  return typeof eventSource === 'string' && Object.prototype.hasOwnProperty.call(CONNECT_FAMILY_SOURCES, eventSource);
}

export type SensitiveCategory = 'instance' | 'user' | 'security-profile' | 'integration' | 'emergency-access' | 'federation' | 'data-location' | 'domain';

export interface SensitiveApi {
  /** `eventSource` values this entry applies to. */
  sources: readonly string[];
  /** Event name; a trailing `*` matches a prefix (`UpdateUser*`). */
  name: string;
  severity: Severity;
  category: SensitiveCategory;
  /** Why an auditor cares, one sentence. */
  why: string;
}

const CONNECT = ['connect.amazonaws.com'];
const Q = ['wisdom.amazonaws.com', 'qconnect.amazonaws.com'];

/**
 * Calls that change who can do what in a Connect instance, where its data goes, or
 * whether it exists. Connect's IAM data classes none of them as "Permissions management",
 * which is why generic tools miss them.
 */
export const SENSITIVE_APIS: readonly SensitiveApi[] = [
  { sources: CONNECT, name: 'DeleteInstance', severity: 'error', category: 'instance', why: 'deletes the contact centre, its users, flows and configuration' },
  { sources: CONNECT, name: 'CreateInstance', severity: 'warning', category: 'instance', why: 'creates a contact centre with its own identity store and administrators' },
  { sources: CONNECT, name: 'UpdateInstanceAttribute', severity: 'warning', category: 'instance', why: 'changes instance-wide features such as contact flow logs, early media or contact lens' },
  { sources: CONNECT, name: 'CreateUser', severity: 'warning', category: 'user', why: 'adds a Connect user with security profiles' },
  { sources: CONNECT, name: 'DeleteUser', severity: 'warning', category: 'user', why: 'removes a Connect user (and the audit trail of who they were)' },
  { sources: CONNECT, name: 'UpdateUser*', severity: 'warning', category: 'user', why: 'changes a user\'s security profiles, routing profile, hierarchy, identity or phone settings' },
  { sources: CONNECT, name: 'CreateSecurityProfile', severity: 'warning', category: 'security-profile', why: 'creates a set of Connect permissions' },
  { sources: CONNECT, name: 'UpdateSecurityProfile', severity: 'warning', category: 'security-profile', why: 'changes the permissions of every user holding the profile' },
  { sources: CONNECT, name: 'DeleteSecurityProfile', severity: 'warning', category: 'security-profile', why: 'removes a set of Connect permissions' },
  { sources: CONNECT, name: 'CreateIntegrationAssociation', severity: 'warning', category: 'integration', why: 'connects an external application or data source to the instance' },
  { sources: CONNECT, name: 'DeleteIntegrationAssociation', severity: 'warning', category: 'integration', why: 'disconnects an integration (possibly a monitoring or recording one)' },
  { sources: CONNECT, name: 'AssociateApprovedOrigin', severity: 'warning', category: 'integration', why: 'allows a new web origin to embed the contact control panel' },
  { sources: CONNECT, name: 'AssociateLambdaFunction', severity: 'info', category: 'integration', why: 'lets contact flows invoke a Lambda function with contact data' },
  { sources: CONNECT, name: 'AssociateSecurityKey', severity: 'warning', category: 'integration', why: 'adds a key that signs tokens for embedded contact control panels' },
  { sources: CONNECT, name: 'AssociateInstanceStorageConfig', severity: 'warning', category: 'data-location', why: 'changes where recordings, transcripts or reports are stored' },
  { sources: CONNECT, name: 'UpdateInstanceStorageConfig', severity: 'warning', category: 'data-location', why: 'changes where recordings, transcripts or reports are stored' },
  { sources: CONNECT, name: 'DisassociateInstanceStorageConfig', severity: 'warning', category: 'data-location', why: 'stops storing recordings, transcripts or reports' },
  { sources: CONNECT, name: 'AdminGetEmergencyAccessToken', severity: 'error', category: 'emergency-access', why: 'logs in to the admin website with emergency access, bypassing the identity provider' },
  { sources: CONNECT, name: 'GetFederationToken', severity: 'info', category: 'federation', why: 'returns sign-in credentials for the Connect admin website (classed Read, acts as a login)' },
  { sources: ['voiceid.amazonaws.com'], name: 'CreateDomain', severity: 'warning', category: 'domain', why: 'creates a Voice ID domain that stores voice prints' },
  { sources: ['voiceid.amazonaws.com'], name: 'UpdateDomain', severity: 'warning', category: 'domain', why: 'changes a Voice ID domain, including its KMS key' },
  { sources: ['voiceid.amazonaws.com'], name: 'DeleteDomain', severity: 'error', category: 'domain', why: 'deletes a Voice ID domain and every enrolled voice print' },
  { sources: ['profile.amazonaws.com'], name: 'DeleteDomain', severity: 'error', category: 'domain', why: 'deletes a Customer Profiles domain and the profiles in it' },
  { sources: ['profile.amazonaws.com'], name: 'UpdateDomain', severity: 'warning', category: 'domain', why: 'changes a Customer Profiles domain, including its encryption key' },
  { sources: ['cases.amazonaws.com'], name: 'DeleteDomain', severity: 'error', category: 'domain', why: 'deletes a Cases domain and its cases' },
  { sources: Q, name: 'DeleteAssistant', severity: 'warning', category: 'domain', why: 'deletes an Amazon Q in Connect assistant' },
  { sources: Q, name: 'DeleteKnowledgeBase', severity: 'warning', category: 'domain', why: 'deletes a knowledge base agents rely on' },
  { sources: ['app-integrations.amazonaws.com'], name: 'CreateDataIntegration', severity: 'info', category: 'integration', why: 'brings external data into Connect' },
  { sources: ['app-integrations.amazonaws.com'], name: 'DeleteDataIntegration', severity: 'warning', category: 'integration', why: 'removes a data integration' },
  { sources: ['app-integrations.amazonaws.com'], name: 'CreateEventIntegration', severity: 'info', category: 'integration', why: 'routes events from an external source into Connect' },
  { sources: ['connect-campaigns.amazonaws.com'], name: 'DeleteConnectInstanceConfig', severity: 'warning', category: 'instance', why: 'removes the outbound campaigns configuration (and its KMS key settings) from an instance' },
  { sources: ['connect-campaigns.amazonaws.com'], name: 'StartInstanceOnboardingJob', severity: 'info', category: 'instance', why: 'enables outbound campaigns on an instance with an encryption configuration' },
];

// Exact names first (one Map lookup), then the few prefix entries.
const EXACT = new Map<string, SensitiveApi>();
const PREFIX: { source: string; prefix: string; api: SensitiveApi }[] = [];
for (const api of SENSITIVE_APIS) {
  for (const s of api.sources) {
    if (api.name.endsWith('*')) PREFIX.push({ source: s, prefix: api.name.slice(0, -1), api });
    else EXACT.set(`${s} ${api.name}`, api);
  }
}

/** The catalogue entry for this call, matching source AND name (IAM's CreateUser is not Connect's). */
export function sensitiveApi(eventSource: unknown, eventName: unknown): SensitiveApi | undefined {
  if (typeof eventSource !== 'string' || typeof eventName !== 'string') return undefined;
  const exact = EXACT.get(`${eventSource} ${eventName}`);
  if (exact) return exact;
  for (const p of PREFIX) if (p.source === eventSource && eventName.startsWith(p.prefix)) return p.api;
  return undefined;
}

export function isSensitive(eventSource: unknown, eventName: unknown): boolean {
  return sensitiveApi(eventSource, eventName) !== undefined;
}
