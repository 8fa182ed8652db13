import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isRoleName } from '@rollcall/contracts';
import { SqlRunner, SqlStatement, inIdList, type Tx } from '@rollcall/db';
import type { OrganizationProfile } from '../domain/organization-profile';

interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  scim_enabled: unknown;
  deleted_team_retention_days: unknown;
  default_role: string;
  created_at: unknown;
  updated_at: unknown;
}

const SELECT = `SELECT id, name, slug, scim_enabled, deleted_team_retention_days, default_role,
  created_at, updated_at FROM organizations`;
const BY_ID = new SqlStatement(`${SELECT} WHERE id = ?`);
const BY_SLUG = new SqlStatement(`${SELECT} WHERE slug = ?`);

/**
 * Organizations as other features read them (teams, sso, scim-oauth …): by id, by slug, or
 * many ids in one statement, so a feature that used to join onto `organizations` makes one
 * extra batched read instead.
 */
@Injectable()
export class OrganizationLookup {
  private readonly sql: SqlRunner;
  private readonly byIds: SqlStatement;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
    this.byIds = new SqlStatement(`${SELECT} WHERE ${inIdList('id', this.sql.dialect)}`);
  }

  /** Inside `tx` when given one: what that transaction has changed counts. */
  async find(id: string, tx?: Tx): Promise<OrganizationProfile | null> {
    const rows = await this.sql.run<OrganizationRow>(tx, BY_ID, [id]);
    return rows[0] ? this.profileOf(rows[0]) : null;
  }

  /** The slug as given: slugs are stored lower-case, and a link that differs names no org. */
  async findBySlug(slug: string, tx?: Tx): Promise<OrganizationProfile | null> {
    const rows = await this.sql.run<OrganizationRow>(tx, BY_SLUG, [slug]);
    return rows[0] ? this.profileOf(rows[0]) : null;
  }

  /** The organizations among `ids` that exist, by id; one statement whatever the count. */
  async findMany(ids: readonly string[], tx?: Tx): Promise<Map<string, OrganizationProfile>> {
    const found = new Map<string, OrganizationProfile>();
    const unique = [...new Set(ids)];
    if (unique.length === 0) return found;
    const rows = await this.sql.run<OrganizationRow>(tx, this.byIds, [
      this.sql.values.idList(unique),
    ]);
    for (const row of rows) found.set(row.id, this.profileOf(row));
    return found;
  }

  private profileOf(row: OrganizationRow): OrganizationProfile {
    const v = this.sql.values;
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
}
