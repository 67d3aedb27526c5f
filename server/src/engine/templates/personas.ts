/**
 * Persona policy templates (DOMAIN.md "Personas for templates"). Resources use `*`
 * for region, account and instance so that a template is valid everywhere and lints
 * clean; "Scope to Connect instance" (scopeToInstance.ts) then pins one instance.
 * Tag-based access follows the Amazon Connect guide: resources tagged `Role`, access
 * only where the tag matches.
 */

export type PersonaId = 'development-user' | 'service-administrator' | 'application-resource' | 'read-only-auditor';

export interface PolicyStatementObject {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyObject {
  Version: '2012-10-17';
  Statement: PolicyStatementObject[];
}

export interface PersonaTemplate {
  id: PersonaId;
  /** Shown in menus: "development user". */
  label: string;
  /** One line: what the persona may and may not do. */
  description: string;
  policy: PolicyObject;
}

const ANY_INSTANCE = 'arn:aws:connect:*:*:instance/*';
const FLOWS = `${ANY_INSTANCE}/contact-flow/*`;
const FLOW_MODULES = `${ANY_INSTANCE}/flow-module/*`;
const USERS = `${ANY_INSTANCE}/agent/*`;
const SECURITY_PROFILES = `${ANY_INSTANCE}/security-profile/*`;
const ROUTING_PROFILES = `${ANY_INSTANCE}/routing-profile/*`;
const HIERARCHY_GROUPS = `${ANY_INSTANCE}/agent-group/*`;
const MFA = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };

/** What no persona below gets: instance deletion and emergency (break-glass) login. */
const DENY_BREAK_GLASS: PolicyStatementObject = {
  Sid: 'DenyEmergencyAccessAndInstanceDeletion',
  Effect: 'Deny',
  Action: ['connect:AdminGetEmergencyAccessToken', 'connect:DeleteInstance'],
  Resource: '*',
};

const READ_CONNECT: PolicyStatementObject = {
  Sid: 'ReadConnectConfiguration',
  Effect: 'Allow',
  Action: ['connect:Describe*', 'connect:List*', 'connect:Search*'],
  Resource: '*',
};

export const PERSONA_TEMPLATES: readonly PersonaTemplate[] = [
  {
    id: 'development-user',
    label: 'development user',
    description: 'Builds contact flows and modules tagged Role=Developer; no instance, user or security-profile administration.',
    policy: {
      Version: '2012-10-17',
      Statement: [
        READ_CONNECT,
        {
          Sid: 'CreateDeveloperFlows',
          Effect: 'Allow',
          Action: ['connect:CreateContactFlow', 'connect:CreateContactFlowModule', 'connect:TagResource'],
          Resource: [FLOWS, FLOW_MODULES],
          Condition: { StringEquals: { 'aws:RequestTag/Role': 'Developer' } },
        },
        {
          Sid: 'EditDeveloperFlows',
          Effect: 'Allow',
          Action: [
            'connect:UpdateContactFlowContent',
            'connect:UpdateContactFlowMetadata',
            'connect:UpdateContactFlowName',
            'connect:UpdateContactFlowModuleContent',
            'connect:UpdateContactFlowModuleMetadata',
          ],
          Resource: [FLOWS, FLOW_MODULES],
          Condition: { StringEquals: { 'aws:ResourceTag/Role': 'Developer' } },
        },
        {
          Sid: 'DenyInstanceAndUserAdministration',
          Effect: 'Deny',
          Action: [
            'connect:CreateInstance',
            'connect:DeleteInstance',
            'connect:UpdateInstanceAttribute',
            'connect:CreateUser',
            'connect:DeleteUser',
            'connect:UpdateUser*',
            'connect:CreateSecurityProfile',
            'connect:UpdateSecurityProfile',
            'connect:DeleteSecurityProfile',
            'connect:AdminGetEmergencyAccessToken',
          ],
          Resource: '*',
        },
      ],
    },
  },
  {
    id: 'service-administrator',
    label: 'service administrator',
    description: 'Administers users and security profiles of its team (tag Team matches the principal) with MFA; no instance deletion or emergency login.',
    policy: {
      Version: '2012-10-17',
      Statement: [
        READ_CONNECT,
        {
          Sid: 'CreateTeamUsersAndProfilesWithMfa',
          Effect: 'Allow',
          Action: ['connect:CreateUser', 'connect:CreateSecurityProfile', 'connect:TagResource'],
          Resource: [USERS, SECURITY_PROFILES, ROUTING_PROFILES, HIERARCHY_GROUPS],
          Condition: { ...MFA, StringEquals: { 'aws:RequestTag/Team': '${aws:PrincipalTag/Team}' } },
        },
        {
          Sid: 'ManageTeamUsersAndProfilesWithMfa',
          Effect: 'Allow',
          Action: [
            'connect:UpdateUserSecurityProfiles',
            'connect:UpdateUserRoutingProfile',
            'connect:UpdateUserHierarchy',
            'connect:UpdateUserIdentityInfo',
            'connect:UpdateUserPhoneConfig',
            'connect:DeleteUser',
            'connect:UpdateSecurityProfile',
            'connect:DeleteSecurityProfile',
          ],
          Resource: [USERS, SECURITY_PROFILES, ROUTING_PROFILES, HIERARCHY_GROUPS],
          Condition: { ...MFA, StringEquals: { 'aws:ResourceTag/Team': '${aws:PrincipalTag/Team}' } },
        },
        {
          Sid: 'ConfigureInstancesWithMfa',
          Effect: 'Allow',
          Action: 'connect:UpdateInstanceAttribute',
          Resource: ANY_INSTANCE,
          Condition: MFA,
        },
        DENY_BREAK_GLASS,
      ],
    },
  },
  {
    id: 'application-resource',
    label: 'application resource',
    description: 'For a Lambda function or other workload: reads queues and flows, reads and updates contact attributes, starts tasks; nothing else.',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ReadQueuesAndFlows',
          Effect: 'Allow',
          Action: ['connect:DescribeQueue', 'connect:DescribeContactFlow'],
          Resource: [`${ANY_INSTANCE}/queue/*`, FLOWS],
        },
        {
          Sid: 'ReadAndUpdateContactAttributes',
          Effect: 'Allow',
          Action: ['connect:GetContactAttributes', 'connect:UpdateContactAttributes'],
          Resource: `${ANY_INSTANCE}/contact/*`,
        },
        {
          Sid: 'StartTasksFromApplicationFlows',
          Effect: 'Allow',
          Action: 'connect:StartTaskContact',
          Resource: [FLOWS, `${ANY_INSTANCE}/contact/*`],
          Condition: { StringEquals: { 'aws:ResourceTag/Role': 'Application' } },
        },
        DENY_BREAK_GLASS,
      ],
    },
  },
  {
    id: 'read-only-auditor',
    label: 'read-only auditor',
    description: 'Reads Connect configuration and CloudTrail events as audit evidence; cannot change anything, log in as emergency admin or obtain federation tokens.',
    policy: {
      Version: '2012-10-17',
      Statement: [
        READ_CONNECT,
        {
          Sid: 'ReadCloudTrailEvents',
          Effect: 'Allow',
          Action: 'cloudtrail:LookupEvents',
          Resource: '*',
        },
        {
          Sid: 'DenySignInAsConnectUsers',
          Effect: 'Deny',
          Action: ['connect:AdminGetEmergencyAccessToken', 'connect:GetFederationToken'],
          Resource: '*',
        },
      ],
    },
  },
];

export function personaTemplate(id: string): PersonaTemplate | undefined {
  return PERSONA_TEMPLATES.find((t) => t.id === id);
}
