/** The member roles of an organization, from most to least privileged. */
export const ROLE_NAMES = ['admin', 'billing_admin', 'team_lead', 'responder', 'member'] as const;

export type RoleName = (typeof ROLE_NAMES)[number];

export function isRoleName(value: string): value is RoleName {
  return (ROLE_NAMES as readonly string[]).includes(value);
}
