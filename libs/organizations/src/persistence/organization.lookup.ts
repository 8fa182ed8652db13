import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlRunner, SqlStatement, inIdList, type Tx } from '@rollcall/db';
import type { OrganizationProfile } from '../domain/organization-profile';
import {
  ORGANIZATION_COLUMNS,
  organizationProfileOf,
  type OrganizationRow,
} from './organization.row';

const SELECT = `SELECT ${ORGANIZATION_COLUMNS} FROM organizations`;
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
    return organizationProfileOf(row, this.sql.values);
  }
}
