import type { AdminUserView } from '@rollcall/contracts';

// `sso` (created just in time at first sign-in) is spelled out here too, so the badge is right
// whether or not the contract in use lists it yet.
export type UserSource = AdminUserView['source'] | 'sso';

const SOURCES: Record<UserSource, { label: string; color: string; description: string }> = {
  scim: { label: 'SCIM', color: 'blue', description: 'Provisioned by Microsoft Entra ID' },
  sso: {
    label: 'SSO (just-in-time)',
    color: 'violet',
    description: 'Created at their first single sign-on',
  },
  manual: { label: 'Manual', color: 'gray', description: 'Added in Rollcall' },
};

/** How a member came to exist, as the Users list and drawer show it. */
export function userSourceLabel(source: UserSource): {
  label: string;
  color: string;
  description: string;
} {
  return SOURCES[source] ?? SOURCES.manual;
}
