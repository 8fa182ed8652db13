import { isRoleName } from '@rollcall/contracts';
import type { SqlValues } from '@rollcall/db';
import type { OrganizationProfile } from '../domain/organization-profile';

/** Every column of `organizations`, in the order `INSERT_ORGANIZATION` binds them. */
export const ORGANIZATION_COLUMNS = `id, name, slug, scim_enabled, deleted_team_retention_days,
  default_role, created_at, updated_at`;

export interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  scim_enabled: unknown;
  deleted_team_retention_days: unknown;
  default_role: string;
  created_at: unknown;
  updated_at: unknown;
}

export function organizationProfileOf(row: OrganizationRow, v: SqlValues): OrganizationProfile {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    scimEnabled: v.readBool(row.scim_enabled),
    deletedTeamRetentionDays: Number(row.deleted_team_retention_days),
    // The column predates the role list being shared; anything unknown reads as `member`.
    defaultRole: isRoleName(row.default_role) ? row.default_role : 'member',
    createdAt: v.readDate(row.created_at),
    updatedAt: v.readDate(row.updated_at),
  };
}
