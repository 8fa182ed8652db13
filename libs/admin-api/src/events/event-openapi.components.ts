import type { OpenAPIObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { EVENT_TYPE_NAMES, WEBHOOK_TEST_EVENT_TYPE, type EventTypeName } from '@rollcall/contracts';
import {
  EVENT_DATA_SCHEMAS,
  eventSchemaRef,
  type EventPayloadSchemaName,
} from './event-data.schemas';

/**
 * The schema of each type's `data`. A Record over every type name, so a new event type does
 * not build until it is documented.
 */
export const EVENT_DATA_SCHEMA_OF: Record<EventTypeName, EventPayloadSchemaName> = {
  'user.created': 'UserSnapshotData',
  'user.updated': 'UserUpdatedData',
  'user.deactivated': 'UserSnapshotData',
  'user.reactivated': 'UserSnapshotData',
  'user.deleted': 'UserSnapshotData',
  'user.role_changed': 'UserRoleChangedData',
  'team.created': 'TeamSnapshotData',
  'team.updated': 'TeamUpdatedData',
  'team.member_added': 'TeamMemberData',
  'team.member_removed': 'TeamMemberData',
  'team.deletion_scheduled': 'TeamDeletionScheduledData',
  'team.restored': 'TeamSnapshotData',
  'team.purged': 'TeamPurgedData',
  'team.resource_created': 'TeamResourceData',
  'team.resource_deleted': 'TeamResourceData',
  'group_role_mapping.set': 'GroupRoleMappingSetData',
  'group_role_mapping.removed': 'GroupRoleMappingRemovedData',
  'organization.updated': 'OrganizationUpdatedData',
  'sso.connected': 'SsoConnectedData',
  'sso.disconnected': 'SsoDisconnectedData',
  'sso.policy_updated': 'SsoPolicyUpdatedData',
  'provisioning.enabled': 'ProvisioningToggledData',
  'provisioning.disabled': 'ProvisioningToggledData',
  'credential.created': 'CredentialData',
  'credential.updated': 'CredentialData',
  'credential.revoked': 'CredentialData',
  'api_key.created': 'ApiKeyCreatedData',
  'api_key.revoked': 'ApiKeyRevokedData',
  'admin.invited': 'AdminInvitedData',
  'admin.invitation_revoked': 'AdminInvitationRevokedData',
  'admin.joined': 'AdminWithRoleData',
  'admin.role_changed': 'AdminRoleChangedData',
  'admin.removed': 'AdminWithRoleData',
  'admin.ownership_transferred': 'AdminOwnershipTransferredData',
  'admin.password_changed': 'AdminData',
  'admin.signed_out_everywhere': 'AdminData',
  'admin.two_factor_enabled': 'AdminData',
  'admin.two_factor_disabled': 'AdminData',
  'admin.recovery_codes_regenerated': 'AdminData',
  'webhook.created': 'WebhookSnapshotData',
  'webhook.updated': 'WebhookUpdatedData',
  'webhook.deleted': 'WebhookSnapshotData',
  'webhook.secret_rotated': 'WebhookSecretRotatedData',
};

/** The union of every event, discriminated by `type`. */
export const EVENT_SCHEMA = 'Event';
/** An entry of the Activity feed: an `Event` and the address its change came from. */
export const ACTIVITY_ENTRY_SCHEMA = 'ActivityEntry';
/** What a webhook endpoint is POSTed: an `Event`, or the *Send test event* one. */
export const WEBHOOK_DELIVERY_SCHEMA = 'WebhookDelivery';
const WEBHOOK_TEST_EVENT_SCHEMA = 'WebhookTestEvent';
/** The envelope: the class EventDto, as @nestjs/swagger names its component. */
const ENVELOPE = 'EventDto';

/** `user.role_changed` → `EventUserRoleChanged`: one schema per type. */
export function eventTypeSchemaName(type: string): string {
  return `Event${type
    .split(/[._]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')}`;
}

/** The type → `data` schema table, for descriptions. */
export function eventDataTable(): string {
  return [
    '| `type` | `data` schema |',
    '| --- | --- |',
    ...EVENT_TYPE_NAMES.map((type) => `| \`${type}\` | \`${EVENT_DATA_SCHEMA_OF[type]}\` |`),
  ].join('\n');
}

function eventOfType(type: EventTypeName, data: SchemaObject | ReferenceObject): SchemaObject {
  return {
    description: `The event of type \`${type}\`.`,
    allOf: [
      eventSchemaRef(ENVELOPE),
      {
        type: 'object',
        required: ['type', 'data'],
        properties: { type: { type: 'string', enum: [type] }, data },
      },
    ],
  };
}

function eventSchemas(): Record<string, SchemaObject> {
  const byType = Object.fromEntries(
    EVENT_TYPE_NAMES.map((type) => [
      eventTypeSchemaName(type),
      eventOfType(type, eventSchemaRef(EVENT_DATA_SCHEMA_OF[type])),
    ]),
  );
  return {
    ...byType,
    [EVENT_SCHEMA]: {
      description:
        'One event, as `GET /api/events` lists it and as a webhook endpoint receives it. Its `type` says which schema `data` follows.',
      oneOf: EVENT_TYPE_NAMES.map((type) => eventSchemaRef(eventTypeSchemaName(type))),
      discriminator: {
        propertyName: 'type',
        mapping: Object.fromEntries(
          EVENT_TYPE_NAMES.map((type) => [type, eventSchemaRef(eventTypeSchemaName(type)).$ref]),
        ),
      },
    },
    // The address is for admins only: not in `Event`, so neither the Events API nor webhooks
    // carry it.
    [ACTIVITY_ENTRY_SCHEMA]: {
      description:
        'One entry of `GET /api/activity`: the `Event`, and the address of the request that made the change.',
      allOf: [
        eventSchemaRef(EVENT_SCHEMA),
        {
          type: 'object',
          required: ['clientIp'],
          properties: {
            clientIp: {
              type: 'string',
              nullable: true,
              description:
                'The client’s IP address (behind proxies trusted by `TRUST_PROXY`, from `X-Forwarded-For`); null for Rollcall’s jobs, the CLI and events recorded before addresses were kept.',
              example: '203.0.113.9',
            },
          },
        },
      ],
    },
    // Not an `Event`: its type is outside EVENT_TYPE_NAMES, so it has an envelope of its own.
    [WEBHOOK_TEST_EVENT_SCHEMA]: {
      type: 'object',
      description:
        'Sent to one endpoint by *Send test event*: never stored, never listed by `GET /api/events`.',
      required: ['id', 'type', 'createdAt', 'actor', 'sequence', 'data'],
      properties: {
        id: { type: 'string' },
        type: { type: 'string', enum: [WEBHOOK_TEST_EVENT_TYPE] },
        createdAt: { type: 'string', format: 'date-time' },
        actor: { type: 'string' },
        sequence: { type: 'integer', enum: [0] },
        data: {
          type: 'object',
          required: ['webhook'],
          properties: {
            webhook: {
              type: 'object',
              required: ['id', 'url'],
              properties: { id: { type: 'string' }, url: { type: 'string' } },
            },
          },
        },
      },
    },
    [WEBHOOK_DELIVERY_SCHEMA]: {
      description:
        'The JSON body of a webhook delivery: an `Event`, or a `webhook.test` from *Send test event*.',
      oneOf: [eventSchemaRef(EVENT_SCHEMA), eventSchemaRef(WEBHOOK_TEST_EVENT_SCHEMA)],
    },
  };
}

/**
 * The document with the events' schemas: each type's `data`, one `Event<Type>` per type and
 * the `Event` union. Added here rather than as classes because @nestjs/swagger does not
 * generate a `oneOf` with a discriminator from classes, and `data` shapes nest unions of
 * their own (credentials by `kind`, SSO providers by `provider`).
 */
export function withEventOpenApi(document: OpenAPIObject): OpenAPIObject {
  return {
    ...document,
    components: {
      ...document.components,
      schemas: { ...document.components?.schemas, ...EVENT_DATA_SCHEMAS, ...eventSchemas() },
    },
  };
}
