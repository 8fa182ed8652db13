import type { RoleName } from './roles';

/** The organization's settings as the dashboard's Settings and Provisioning pages show them. */
export interface OrganizationSettings {
  /** Provisioning on: SCIM tokens authenticate only while this is true. */
  scimEnabled: boolean;
  /** How long a deleted team stays restorable; 0 deletes at once and for good. */
  deletedTeamRetentionDays: number;
  /** The role of a member with no `roleName` and no mapped group. */
  defaultRole: RoleName;
}

/** `GET /api/organization` */
export interface OrganizationView {
  id: string;
  name: string;
  slug: string;
  settings: OrganizationSettings;
  /** The SCIM Tenant URL to paste into Entra: one URL for every org, the token picks the org. */
  scimBaseUrl: string;
}

/** `PATCH /api/organization/settings`: only what is sent changes. */
export type UpdateOrganizationSettingsRequest = Partial<OrganizationSettings>;

/** Bounds of `deletedTeamRetentionDays`. */
export const MAX_DELETED_TEAM_RETENTION_DAYS = 365;

/** `PATCH /api/organization` */
export interface RenameOrganizationRequest {
  /** Trimmed; 1 to 200 characters. */
  name: string;
}

/** Bound of the organization name, after trimming. */
export const MAX_ORGANIZATION_NAME_LENGTH = 200;
