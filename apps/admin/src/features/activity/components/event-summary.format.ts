import type { EventView } from '@rollcall/contracts';
import { eventAction } from '../../../components/event-type.format';

type Data = Record<string, unknown>;

function record(value: unknown): Data | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Data)
    : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** What people call a resource: a team's or a key's name, a user's e-mail, an endpoint's URL. */
function nameOf(value: unknown): string | null {
  const item = record(value);
  if (!item) return text(value);
  return (
    text(item['displayName']) ??
    text(item['name']) ??
    text(item['userName']) ??
    text(item['email']) ??
    text(item['groupName']) ??
    text(item['url']) ??
    (text(item['prefix']) ? `${text(item['prefix'])}…` : null)
  );
}

// Where each kind of event carries its subject. Events put the resource after the change under
// its own name (`user`, `team`…); the first that is present names the subject.
const SUBJECT_KEYS = [
  'user',
  'team',
  'apiKey',
  'webhook',
  'endpoint',
  'credential',
  'token',
  'client',
  'mapping',
  'provider',
];

function subjectOf(data: Data): string | null {
  for (const key of SUBJECT_KEYS) {
    const name = nameOf(data[key]);
    if (name) return name;
  }
  return null;
}

/** SCIM credentials are tokens, OAuth clients, their secrets or federated credentials. */
function credentialAction(type: 'created' | 'updated' | 'revoked', data: Data): string {
  const credential = record(data['credential']) ?? data;
  const kind = text(credential['kind']) ?? text(credential['type']);
  const verb = type === 'created' ? 'Created' : type === 'updated' ? 'Changed' : 'Revoked';
  const noun =
    kind === 'scim_token' || kind === 'token'
      ? 'SCIM token'
      : kind === 'oauth_client' || kind === 'scim_oauth_client'
        ? 'SCIM OAuth client'
        : kind === 'oauth_client_secret'
          ? 'secret of SCIM OAuth client'
          : kind === 'federated_credential'
            ? 'federated credential'
            : 'SCIM credential';
  const prefix = text(credential['prefix']);
  if (prefix) return `${verb} ${noun} ${prefix}…`;
  const name = text(credential['name']) ?? text(credential['clientId']);
  return name ? `${verb} ${noun} ${name}` : `${verb} ${noun}`;
}

/**
 * One line for the Activity page and its CSV: "Deleted team Sales", "Created API key billing",
 * "Added ada@contoso.com to team Sales". Names come from the event's data; an event without
 * them still reads as its action.
 */
export function eventSummary(event: Pick<EventView, 'type' | 'data'>): string {
  const data = event.data;
  switch (event.type) {
    case 'team.member_added':
    case 'team.member_removed': {
      const member = nameOf(data['member']) ?? nameOf(data['user']);
      const team = nameOf(data['team']);
      if (member && team) {
        return event.type === 'team.member_added'
          ? `Added ${member} to team ${team}`
          : `Removed ${member} from team ${team}`;
      }
      break;
    }
    case 'team.resource_created':
    case 'team.resource_deleted': {
      const resource = nameOf(data['resource']);
      const team = nameOf(data['team']);
      if (resource && team) {
        return event.type === 'team.resource_created'
          ? `Added ${resource} to team ${team}`
          : `Deleted ${resource} of team ${team}`;
      }
      break;
    }
    case 'admin.invited':
    case 'admin.invitation_revoked':
    case 'admin.joined':
    case 'admin.role_changed':
    case 'admin.removed':
    case 'admin.ownership_transferred':
    case 'admin.password_changed':
    case 'admin.signed_out_everywhere':
    case 'admin.two_factor_enabled':
    case 'admin.two_factor_disabled':
    case 'admin.recovery_codes_regenerated':
      return adminSummary(event.type, data);
    case 'credential.created':
      return credentialAction('created', data);
    case 'credential.updated':
      return credentialAction('updated', data);
    case 'credential.revoked':
      return credentialAction('revoked', data);
    case 'organization.updated':
    case 'sso.policy_updated':
    case 'provisioning.enabled':
    case 'provisioning.disabled':
    case 'group_role_mapping.set':
    case 'group_role_mapping.removed':
    case 'sso.connected':
    case 'sso.disconnected':
      return eventAction(event.type) + qualifier(event.type, data);
    // The rest are about one named resource: "Deleted team Sales", "Created API key billing".
    case 'user.created':
    case 'user.updated':
    case 'user.deactivated':
    case 'user.reactivated':
    case 'user.deleted':
    case 'user.role_changed':
    case 'team.created':
    case 'team.updated':
    case 'team.deletion_scheduled':
    case 'team.restored':
    case 'team.purged':
    case 'api_key.created':
    case 'api_key.revoked':
    case 'webhook.created':
    case 'webhook.updated':
    case 'webhook.deleted':
    case 'webhook.secret_rotated':
      break;
  }
  const subject = subjectOf(data);
  return subject ? `${eventAction(event.type)} ${subject}` : eventAction(event.type);
}

/** The extra a settings-like event carries: the group and role of a mapping, the provider. */
function qualifier(type: EventView['type'], data: Data): string {
  if (type === 'group_role_mapping.set' || type === 'group_role_mapping.removed') {
    const mapping = record(data['mapping']) ?? data;
    const group = nameOf(mapping['group']) ?? text(mapping['groupName']);
    const role = text(mapping['role']) ?? text(mapping['roleName']);
    if (group && role) return ` (${group} → ${role})`;
    return group ? ` (${group})` : '';
  }
  if (type === 'sso.connected' || type === 'sso.disconnected') {
    const provider = nameOf(data['provider']) ?? text(data['kind']);
    return provider ? ` (${provider})` : '';
  }
  if (type === 'organization.updated') {
    const name = nameOf(data['organization']);
    return name ? ` ${name}` : '';
  }
  return '';
}

type AdminEventType = Extract<EventView['type'], `admin.${string}`>;

/** "Invited vera@acme.example as viewer", "Changed the role of vera@… from viewer to admin". */
function adminSummary(type: AdminEventType, data: Data): string {
  const invitation = record(data['invitation']);
  const admin = record(data['admin']);
  const email = text(invitation?.['email']) ?? text(admin?.['email']);
  const role = text(invitation?.['role']) ?? text(admin?.['role']) ?? text(data['role']);
  switch (type) {
    case 'admin.invited':
      if (!email) break;
      return role ? `Invited ${email} as ${role}` : `Invited ${email}`;
    case 'admin.invitation_revoked':
      return email ? `Withdrew the invitation of ${email}` : 'Withdrew an admin invitation';
    case 'admin.joined':
      if (!email) break;
      return role ? `${email} joined as ${role}` : `${email} joined as admin`;
    case 'admin.role_changed': {
      const previous = text(data['previousRole']);
      if (!email || !role) break;
      return previous
        ? `Changed the role of ${email} from ${previous} to ${role}`
        : `Made ${email} ${role}`;
    }
    case 'admin.removed':
      if (!email) break;
      return role ? `Removed ${role} ${email}` : `Removed admin ${email}`;
    case 'admin.ownership_transferred': {
      const from = text(record(data['from'])?.['email']);
      const to = text(record(data['to'])?.['email']);
      if (from && to) return `Transferred ownership from ${from} to ${to}`;
      return to ? `Transferred ownership to ${to}` : eventAction(type);
    }
    // An admin's own security (or the operator's reset): the actor column says who did it.
    case 'admin.password_changed':
    case 'admin.signed_out_everywhere':
    case 'admin.two_factor_enabled':
    case 'admin.two_factor_disabled':
    case 'admin.recovery_codes_regenerated':
      return email ? `${eventAction(type)} ${email}` : eventAction(type);
  }
  return eventAction(type);
}
