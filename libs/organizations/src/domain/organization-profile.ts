import type { RoleName } from '@rollcall/contracts';

/** An organization and its settings, as every feature reads it. */
export interface OrganizationProfile {
  id: string;
  name: string;
  /** Lower-case; the org's sign-in link and the operator's name for it. */
  slug: string;
  /** Provisioning on: SCIM tokens and OAuth credentials authenticate only while true. */
  scimEnabled: boolean;
  /** How long a deleted team waits in pending deletion; 0 deletes at once. */
  deletedTeamRetentionDays: number;
  /** The role of a user with no role of their own and none from a team. */
  defaultRole: RoleName;
  createdAt: Date;
  updatedAt: Date;
}
