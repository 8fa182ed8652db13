import { EVENT_TYPE_NAMES, type EventTypeName } from '@rollcall/contracts';

/**
 * Each event type as an admin says it, verb first ("Deactivated user"). A Record, so a type
 * added to the contracts breaks the build here until it has words.
 */
const EVENT_ACTIONS: Record<EventTypeName, string> = {
  'user.created': 'Created user',
  'user.updated': 'Updated user',
  'user.deactivated': 'Deactivated user',
  'user.reactivated': 'Reactivated user',
  'user.deleted': 'Deleted user',
  'user.role_changed': 'Changed the role of user',
  'team.created': 'Created team',
  'team.updated': 'Updated team',
  'team.member_added': 'Added a member to team',
  'team.member_removed': 'Removed a member from team',
  'team.deletion_scheduled': 'Deleted team',
  'team.restored': 'Restored team',
  'team.purged': 'Purged team',
  'team.resource_created': 'Added a resource to team',
  'team.resource_deleted': 'Deleted a resource of team',
  'group_role_mapping.set': 'Mapped a group to a role',
  'group_role_mapping.removed': 'Removed a group role mapping',
  'organization.updated': 'Updated the organization',
  'sso.connected': 'Connected single sign-on',
  'sso.disconnected': 'Disconnected single sign-on',
  'sso.policy_updated': 'Changed the sign-in policy',
  'provisioning.enabled': 'Enabled provisioning',
  'provisioning.disabled': 'Disabled provisioning',
  'credential.created': 'Created SCIM credential',
  'credential.updated': 'Changed SCIM credential',
  'credential.revoked': 'Revoked SCIM credential',
  'api_key.created': 'Created API key',
  'api_key.revoked': 'Revoked API key',
  'admin.invited': 'Invited admin',
  'admin.invitation_revoked': 'Withdrew the invitation of',
  'admin.joined': 'Joined as admin',
  'admin.role_changed': 'Changed the role of admin',
  'admin.removed': 'Removed admin',
  'admin.ownership_transferred': 'Transferred ownership',
  'admin.password_changed': 'Changed the password of admin',
  'admin.signed_out_everywhere': 'Signed out everywhere: admin',
  'admin.two_factor_enabled': 'Turned on two-factor sign-in of admin',
  'admin.two_factor_disabled': 'Turned off two-factor sign-in of admin',
  'admin.recovery_codes_regenerated': 'Regenerated the recovery codes of admin',
  'webhook.created': 'Added webhook endpoint',
  'webhook.updated': 'Updated webhook endpoint',
  'webhook.deleted': 'Deleted webhook endpoint',
  'webhook.secret_rotated': 'Rotated the secret of webhook endpoint',
};

/** The part of a type before the dot, as a heading for grouped pickers. */
const EVENT_GROUPS: Record<string, string> = {
  user: 'Users',
  team: 'Teams',
  group_role_mapping: 'Role mappings',
  organization: 'Organization',
  sso: 'Single sign-on',
  provisioning: 'Provisioning',
  credential: 'SCIM credentials',
  api_key: 'API keys',
  admin: 'Admins',
  webhook: 'Webhooks',
};

/** "Created user", or the raw type for one this dashboard build does not know yet. */
export function eventAction(type: string): string {
  return (EVENT_ACTIONS as Record<string, string | undefined>)[type] ?? type;
}

export function eventGroupLabel(type: string): string {
  const prefix = type.slice(0, type.indexOf('.'));
  return EVENT_GROUPS[prefix] ?? prefix;
}

export interface EventTypeOptionGroup {
  group: string;
  items: { value: EventTypeName; label: string }[];
}

/**
 * Every event type grouped by what it is about, in the contracts' order, for a Select or a
 * MultiSelect. `label` picks the words: the type name (for developers wiring a webhook) or
 * the action (for the Activity filter).
 */
export function eventTypeOptions(
  label: (type: EventTypeName) => string = (type) => type,
): EventTypeOptionGroup[] {
  const groups = new Map<string, EventTypeOptionGroup>();
  for (const type of EVENT_TYPE_NAMES) {
    const group = eventGroupLabel(type);
    let entry = groups.get(group);
    if (!entry) {
      entry = { group, items: [] };
      groups.set(group, entry);
    }
    entry.items.push({ value: type, label: label(type) });
  }
  return [...groups.values()];
}
