/**
 * Directory events: every change Rollcall makes is recorded, in the transaction that makes it,
 * as one of these. `GET /api/events` pages through them and webhooks deliver them.
 */
export const EVENT_TYPE_NAMES = [
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.reactivated',
  'user.deleted',
  'user.role_changed',
  'team.created',
  'team.updated',
  'team.member_added',
  'team.member_removed',
  'team.deletion_scheduled',
  'team.restored',
  'team.purged',
  'team.resource_created',
  'team.resource_deleted',
  'group_role_mapping.set',
  'group_role_mapping.removed',
  'organization.updated',
  'sso.connected',
  'sso.disconnected',
  'sso.policy_updated',
  'provisioning.enabled',
  'provisioning.disabled',
  'credential.created',
  'credential.updated',
  'credential.revoked',
  'api_key.created',
  'api_key.revoked',
  'admin.invited',
  'admin.invitation_revoked',
  'admin.joined',
  'admin.role_changed',
  'admin.removed',
  'admin.ownership_transferred',
  'admin.password_changed',
  'admin.signed_out_everywhere',
  'admin.two_factor_enabled',
  'admin.two_factor_disabled',
  'admin.recovery_codes_regenerated',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.secret_rotated',
] as const;

export type EventTypeName = (typeof EVENT_TYPE_NAMES)[number];

/** Sent to one endpoint from its *Send test event* button; never stored as an event. */
export const WEBHOOK_TEST_EVENT_TYPE = 'webhook.test';

export function isEventTypeName(value: string): value is EventTypeName {
  return (EVENT_TYPE_NAMES as readonly string[]).includes(value);
}

/**
 * Who made a change, as `<kind>:<name>`: `scim:<token prefix>` or `scim_oauth:<client id>` (an
 * identity provider's provisioning), `admin:<e-mail>`, `api_key:<key name>`, `sso:<provider>`
 * (a member created just in time at sign-in), `system:<job>` (retention purges) or `cli`.
 */
export type EventActor = string;

/** One event, in the Events API and as the body of a webhook delivery. */
export interface EventView {
  /** Unique; also the webhook's `webhook-id` (the receiver's idempotency key). */
  id: string;
  type: EventTypeName;
  createdAt: string;
  actor: EventActor;
  /** The organization's event cursor: strictly increasing, without gaps, in commit order. */
  sequence: number;
  data: Record<string, unknown>;
}

/** `GET /api/events?after=<cursor>&limit=<n>&types=<a,b>` */
export interface EventListView {
  data: EventView[];
  /** Pass as `after` to read on; the same cursor when nothing new has happened yet. */
  nextCursor: string;
}

/**
 * One entry of the Activity feed: the event, and the address of the request that made it.
 * Admin-facing only: the Events API and webhook bodies never carry the address.
 */
export type ActivityEntryView = EventView & {
  /** The client's IP address (behind trusted proxies, from X-Forwarded-For); null for jobs and the CLI. */
  clientIp: string | null;
};

/** `GET /api/activity?before=<cursor>&limit=<n>&types=<a,b>&actor=<actor>`, newest first. */
export interface ActivityListView {
  data: ActivityEntryView[];
  /** Pass as `before` for older entries; null when there are none. */
  nextBefore: string | null;
}

/**
 * `GET /api/activity/actors`: everyone on the Activity feed (as events name them), most
 * recently active first; the values `GET /api/activity?actor=` takes.
 */
export interface ActivityActorListView {
  data: string[];
}

export const MAX_EVENT_PAGE_SIZE = 500;
export const DEFAULT_EVENT_PAGE_SIZE = 100;

/** Default for `EVENT_RETENTION_DAYS`: events older than this are purged. */
export const DEFAULT_EVENT_RETENTION_DAYS = 30;

/** A user as events carry it: what `GET /api/users/{id}` says, without team or role lookups. */
export interface UserEventData {
  id: string;
  userName: string;
  externalId: string | null;
  displayName: string | null;
  email: string | null;
  active: boolean;
  /** The explicit role (SCIM `roleName`/`roles`); null when mappings or the default apply. */
  roleName: string | null;
  source: 'scim' | 'manual' | 'sso';
  createdAt: string;
  updatedAt: string;
  /** The SCIM User document as stored. */
  scim: Record<string, unknown>;
}

/** A team as events carry it. */
export interface TeamEventData {
  id: string;
  displayName: string;
  externalId: string | null;
  source: 'scim' | 'manual';
  createdAt: string;
  updatedAt: string;
}
