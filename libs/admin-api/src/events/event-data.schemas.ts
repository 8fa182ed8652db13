import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import {
  ADMIN_ROLE_NAMES,
  API_KEY_SCOPE_NAMES,
  EVENT_TYPE_NAMES,
  ROLE_NAMES,
  SSO_PROVIDER_KINDS,
  TEAM_RESOURCE_KIND_NAMES,
} from '@rollcall/contracts';

// What each event type carries in `data`, as OpenAPI 3.0 schemas, written field by field from
// the code that builds the events (user-events.ts, team-events.ts, effective-role.changes.ts,
// the use cases that call appendEvents). `nullable` marks what the code may set to null; a
// field the code may leave out is simply not `required`. No schema forbids additional
// properties: a receiver should ignore fields added later. The e2e suite checks real events
// against these, closed, so a field added to an event without its documentation fails there.

export type EventDataSchemaName =
  | 'UserEventData'
  | 'TeamEventData'
  | 'EventUserReference'
  | 'EventTeamReference'
  | 'EffectiveRole'
  | 'TeamContents'
  | 'WebhookEndpointEventData'
  | 'ScimTokenCredentialEventData'
  | 'OAuthClientCredentialEventData'
  | 'OAuthClientSecretCredentialEventData'
  | 'FederatedCredentialEventData'
  | 'SsoMicrosoftConnectedData'
  | 'SsoOidcConnectedData'
  | 'SsoSamlConnectedData'
  | 'OrganizationSettingsUpdatedData'
  | 'OrganizationRenamedData'
  | 'AdminEventReference'
  | EventPayloadSchemaName;

/** The schemas an event's `data` is one of (a type's `data` is exactly one of these). */
export type EventPayloadSchemaName =
  | 'UserSnapshotData'
  | 'UserUpdatedData'
  | 'UserRoleChangedData'
  | 'TeamSnapshotData'
  | 'TeamUpdatedData'
  | 'TeamMemberData'
  | 'TeamDeletionScheduledData'
  | 'TeamPurgedData'
  | 'TeamResourceData'
  | 'GroupRoleMappingSetData'
  | 'GroupRoleMappingRemovedData'
  | 'OrganizationUpdatedData'
  | 'ProvisioningToggledData'
  | 'SsoConnectedData'
  | 'SsoDisconnectedData'
  | 'SsoPolicyUpdatedData'
  | 'CredentialData'
  | 'ApiKeyCreatedData'
  | 'ApiKeyRevokedData'
  | 'AdminInvitedData'
  | 'AdminInvitationRevokedData'
  | 'AdminWithRoleData'
  | 'AdminRoleChangedData'
  | 'AdminOwnershipTransferredData'
  | 'AdminData'
  | 'WebhookSnapshotData'
  | 'WebhookUpdatedData'
  | 'WebhookSecretRotatedData';

/** `#/components/schemas/<name>`: a component added by withEventOpenApi. */
export function eventSchemaRef(name: string): ReferenceObject {
  return { $ref: `#/components/schemas/${name}` };
}

const string: SchemaObject = { type: 'string' };
const nullableString: SchemaObject = { type: 'string', nullable: true };
const dateTime: SchemaObject = { type: 'string', format: 'date-time' };
const strings: SchemaObject = { type: 'array', items: string };

function object(
  properties: Record<string, SchemaObject | ReferenceObject>,
  required: string[] = Object.keys(properties),
  description?: string,
): SchemaObject {
  return { type: 'object', ...(description ? { description } : {}), required, properties };
}

function constant(value: string): SchemaObject {
  return { type: 'string', enum: [value] };
}

function discriminated(
  propertyName: string,
  mapping: Record<string, EventDataSchemaName>,
  description: string,
): SchemaObject {
  return {
    description,
    oneOf: Object.values(mapping).map(eventSchemaRef),
    discriminator: {
      propertyName,
      mapping: Object.fromEntries(
        Object.entries(mapping).map(([value, name]) => [value, eventSchemaRef(name).$ref]),
      ),
    },
  };
}

const user = eventSchemaRef('UserEventData');
const adminRole: SchemaObject = { type: 'string', enum: [...ADMIN_ROLE_NAMES] };
const adminReference = eventSchemaRef('AdminEventReference');
const team = eventSchemaRef('TeamEventData');
const webhook = eventSchemaRef('WebhookEndpointEventData');

const PARTS: Record<Exclude<EventDataSchemaName, EventPayloadSchemaName>, SchemaObject> = {
  AdminEventReference: object(
    { id: string, email: string },
    undefined,
    'An admin of the organization.',
  ),
  UserEventData: object(
    {
      id: string,
      userName: string,
      externalId: nullableString,
      displayName: nullableString,
      email: nullableString,
      active: { type: 'boolean' },
      roleName: {
        ...nullableString,
        description:
          'The explicit role (SCIM `roleName`/`roles`); null when mappings or the default apply.',
      },
      source: { type: 'string', enum: ['scim', 'manual', 'sso'] },
      createdAt: dateTime,
      updatedAt: dateTime,
      scim: {
        type: 'object',
        additionalProperties: true,
        description: 'The SCIM User document as stored (no `id`, `meta` or `groups`).',
      },
    },
    undefined,
    'A user as events carry it.',
  ),
  TeamEventData: object(
    {
      id: string,
      displayName: string,
      externalId: nullableString,
      source: { type: 'string', enum: ['scim', 'manual'] },
      createdAt: dateTime,
      updatedAt: dateTime,
    },
    undefined,
    'A team as events carry it.',
  ),
  EventUserReference: object({
    id: string,
    userName: { ...nullableString, description: 'Null when the user was gone by then.' },
  }),
  EventTeamReference: object({ id: string, displayName: string, externalId: nullableString }),
  EffectiveRole: object(
    {
      role: { type: 'string', enum: [...ROLE_NAMES] },
      source: {
        type: 'string',
        enum: ['roleName', 'group', 'default'],
        description: 'The user’s own `roleName`, a group mapped to a role, or the org default.',
      },
      groupName: { ...string, description: 'The mapped group that grants it (source `group`).' },
    },
    ['role', 'source'],
  ),
  TeamContents: object(
    {
      members: { type: 'integer' },
      resources: {
        type: 'object',
        description: `Resources by kind (${TEAM_RESOURCE_KIND_NAMES.join(', ')}); a kind it has none of is absent.`,
        additionalProperties: { type: 'integer' },
      },
    },
    undefined,
    'What the team held: lost when it is purged.',
  ),
  WebhookEndpointEventData: object(
    {
      id: string,
      url: string,
      events: {
        type: 'array',
        nullable: true,
        items: { type: 'string', enum: [...EVENT_TYPE_NAMES] },
        description: 'The types it receives; null for every type.',
      },
      description: nullableString,
      enabled: { type: 'boolean' },
    },
    undefined,
    'An endpoint as its events carry it: never its secret.',
  ),
  ScimTokenCredentialEventData: object({
    kind: constant('scim_token'),
    id: string,
    prefix: { ...string, description: 'The visible start of the token, never the token.' },
    label: nullableString,
  }),
  OAuthClientCredentialEventData: object({
    kind: constant('oauth_client'),
    id: string,
    name: string,
    clientId: string,
  }),
  OAuthClientSecretCredentialEventData: object({
    kind: constant('oauth_client_secret'),
    id: string,
    clientId: { ...string, description: 'The client the secret belongs to.' },
  }),
  FederatedCredentialEventData: object({
    kind: constant('federated_credential'),
    id: string,
    name: string,
  }),
  SsoMicrosoftConnectedData: object({
    provider: constant('microsoft'),
    tenantId: { ...string, description: 'The Entra tenant.' },
  }),
  SsoOidcConnectedData: object({
    provider: constant('oidc'),
    issuer: string,
    clientId: string,
    displayName: string,
    updated: { type: 'boolean', description: 'True when it replaced a configured provider.' },
    clientSecretChanged: { type: 'boolean', description: 'Never the secret itself.' },
  }),
  SsoSamlConnectedData: object({
    provider: constant('saml'),
    source: { type: 'string', enum: ['metadata_url', 'metadata_xml', 'manual'] },
    metadataUrl: { ...nullableString, description: 'Re-read daily when set.' },
    idpEntityId: { ...string, description: 'The IdP’s entity id (the Issuer it signs as).' },
    ssoUrl: string,
    certificateCount: { type: 'integer', description: 'Signing certificates trusted now.' },
    allowSha1: { type: 'boolean' },
    updated: {
      type: 'boolean',
      description:
        'True when it replaced a configured provider, or when the daily metadata re-read (actor `system:saml-metadata-refresh`) found new settings.',
    },
  }),
  OrganizationSettingsUpdatedData: object({
    changed: {
      type: 'array',
      items: { type: 'string', enum: ['scimEnabled', 'deletedTeamRetentionDays', 'defaultRole'] },
    },
    settings: object({
      scimEnabled: { type: 'boolean' },
      deletedTeamRetentionDays: { type: 'integer' },
      defaultRole: { type: 'string', enum: [...ROLE_NAMES] },
    }),
  }),
  OrganizationRenamedData: object({
    changed: { type: 'array', items: constant('name') },
    name: string,
    previousName: string,
  }),
};

const PAYLOADS: Record<EventPayloadSchemaName, SchemaObject> = {
  UserSnapshotData: object({ user }),
  UserUpdatedData: object({
    user,
    changed: {
      ...strings,
      description:
        'The SCIM attributes it changed; extension attributes as `urn:…:User:department`.',
    },
  }),
  UserRoleChangedData: object({
    user: eventSchemaRef('EventUserReference'),
    role: { allOf: [eventSchemaRef('EffectiveRole')], nullable: true },
    previousRole: { allOf: [eventSchemaRef('EffectiveRole')], nullable: true },
  }),
  TeamSnapshotData: object({ team }),
  TeamUpdatedData: object({
    team,
    changed: { type: 'array', items: { type: 'string', enum: ['displayName', 'externalId'] } },
  }),
  TeamMemberData: object({
    team: eventSchemaRef('EventTeamReference'),
    user: eventSchemaRef('EventUserReference'),
  }),
  TeamDeletionScheduledData: object({
    team,
    purgeAfter: { ...dateTime, description: 'Restorable until then; purged after it.' },
    contents: eventSchemaRef('TeamContents'),
  }),
  TeamPurgedData: object({ team, contents: eventSchemaRef('TeamContents') }),
  TeamResourceData: object({
    team,
    resource: object({
      id: string,
      kind: { type: 'string', enum: [...TEAM_RESOURCE_KIND_NAMES] },
      name: string,
    }),
  }),
  GroupRoleMappingSetData: object({
    groupName: string,
    role: { type: 'string', enum: [...ROLE_NAMES] },
  }),
  GroupRoleMappingRemovedData: object({ groupName: string }),
  OrganizationUpdatedData: {
    description: 'Settings changed, or the organization renamed.',
    oneOf: [
      eventSchemaRef('OrganizationSettingsUpdatedData'),
      eventSchemaRef('OrganizationRenamedData'),
    ],
  },
  ProvisioningToggledData: {
    type: 'object',
    properties: {},
    description: 'Empty: the settings are in the `organization.updated` of the same change.',
  },
  SsoConnectedData: discriminated(
    'provider',
    {
      microsoft: 'SsoMicrosoftConnectedData',
      oidc: 'SsoOidcConnectedData',
      saml: 'SsoSamlConnectedData',
    },
    'Never a client secret.',
  ),
  SsoDisconnectedData: object(
    {
      provider: { type: 'string', enum: [...SSO_PROVIDER_KINDS] },
      tenantId: { ...string, description: 'When an operator released the tenant.' },
      releasedByOperator: {
        type: 'boolean',
        description: 'True when an operator released the tenant with the CLI.',
      },
    },
    ['provider'],
  ),
  SsoPolicyUpdatedData: object({
    policy: object({
      requireSso: { type: 'boolean' },
      jitProvisioning: { type: 'boolean', nullable: true },
      jitDomains: strings,
      externalIdIsObjectId: { type: 'boolean' },
      requireTwoFactor: { type: 'boolean' },
    }),
  }),
  CredentialData: object({
    credential: discriminated(
      'kind',
      {
        scim_token: 'ScimTokenCredentialEventData',
        oauth_client: 'OAuthClientCredentialEventData',
        oauth_client_secret: 'OAuthClientSecretCredentialEventData',
        federated_credential: 'FederatedCredentialEventData',
      },
      'Never a secret, a hash or a signing key.',
    ),
  }),
  ApiKeyCreatedData: object({
    apiKey: object(
      {
        id: string,
        name: string,
        scope: { type: 'string', enum: [...API_KEY_SCOPE_NAMES] },
        prefix: { ...string, description: 'The visible start of the key, never the key.' },
        expiresAt: { ...dateTime, nullable: true },
      },
      undefined,
    ),
  }),
  ApiKeyRevokedData: object({ apiKey: object({ id: string }) }),
  AdminInvitedData: object({
    invitation: object(
      { id: string, email: string, role: adminRole, expiresAt: dateTime },
      undefined,
      'Never the token or the link.',
    ),
  }),
  AdminInvitationRevokedData: object({
    invitation: object({ id: string, email: string, role: adminRole }),
  }),
  AdminWithRoleData: object({ admin: object({ id: string, email: string, role: adminRole }) }),
  AdminRoleChangedData: object({ admin: adminReference, role: adminRole, previousRole: adminRole }),
  AdminOwnershipTransferredData: object({ from: adminReference, to: adminReference }),
  AdminData: object(
    { admin: adminReference },
    undefined,
    'Never a password, a two-factor secret, a recovery code or a session.',
  ),
  WebhookSnapshotData: object({ webhook }),
  WebhookUpdatedData: object({
    webhook,
    changed: {
      type: 'array',
      items: { type: 'string', enum: ['url', 'events', 'description', 'enabled'] },
      description: 'The fields the request sent (whether or not their value differed).',
    },
  }),
  WebhookSecretRotatedData: object({
    webhook,
    previousSecretExpiresAt: {
      ...dateTime,
      description: 'Deliveries carry a second signature with the previous secret until then.',
    },
  }),
};

export const EVENT_DATA_SCHEMAS: Record<EventDataSchemaName, SchemaObject> = {
  ...PARTS,
  ...PAYLOADS,
};
