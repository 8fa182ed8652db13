import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  SqlRunner,
  SqlStatement,
  bindNamedParameters,
  isUniqueViolation,
  totalOfPage,
} from '@rollcall/db';
import { compileFilter, compileSortBy, type FilterNode } from '@rollcall/scim-core';
import { DirectoryError } from '../domain/directory.error';
import type { UserSource } from '../domain/directory-user';
import { UserEntity } from './user.entity';
import { userFilterTargetFor } from './user.filter-target';

export interface UserPageQuery {
  filter?: FilterNode;
  /** 1-based, as in SCIM. */
  startIndex: number;
  /** 0 asks for the total only. */
  count: number;
  sortBy?: string;
  sortOrder: 'ascending' | 'descending';
}

export interface UserPage {
  total: number;
  users: UserEntity[];
}

/** Every column, in the order `insert` binds them. */
const COLUMNS = [
  'id',
  'organization_id',
  'user_name',
  'user_name_normalized',
  'external_id',
  'display_name',
  'given_name',
  'family_name',
  'email',
  'email_normalized',
  'active',
  'role_name',
  'role',
  'source',
  'resource',
  'version',
  'created_at',
  'updated_at',
  'deactivated_at',
] as const;

const SELECT_USERS = `SELECT ${COLUMNS.map((column) => `u.${column}`).join(', ')} FROM users u`;
/** What an update may change: everything but the key. */
const UPDATED_COLUMNS = COLUMNS.slice(2);

const FIND_BY_ID = new SqlStatement(`${SELECT_USERS} WHERE u.organization_id = ? AND u.id = ?`);
const FIND_BY_ID_FOR_UPDATE = FIND_BY_ID.append('FOR UPDATE');
const USER_NAME_OWNER = new SqlStatement(
  'SELECT id FROM users WHERE organization_id = ? AND user_name_normalized = ?',
);
const INSERT = new SqlStatement(
  `INSERT INTO users (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
);
const UPDATE = new SqlStatement(
  `UPDATE users SET ${UPDATED_COLUMNS.map((column) => `${column} = ?`).join(', ')} WHERE id = ? AND organization_id = ?`,
);
const DELETE = new SqlStatement('DELETE FROM users WHERE organization_id = ? AND id = ?');
const DELETE_RETURNING = DELETE.append(`RETURNING ${COLUMNS.join(', ')}`);
/** Kept by triggers on `users` (migration UserCounts1763900001500). */
const USER_COUNT = new SqlStatement('SELECT users FROM user_counts WHERE organization_id = ?');

/** A `users` row as both drivers hand it back. */
type UserRow = Record<(typeof COLUMNS)[number], unknown>;

/**
 * Users of one organization in SQL: SCIM filters and sorts compile to the WHERE/ORDER BY.
 * Statements are fixed text run through TypeORM's query runner (`manager.query`), so a
 * request costs the database's work and little else: no query builder, no metadata walk.
 */
@Injectable()
export class TypeOrmUserStore {
  private readonly sql: SqlRunner;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
  }

  async findById(
    organizationId: string,
    id: string,
    manager?: EntityManager,
  ): Promise<UserEntity | null> {
    const rows = await this.sql.run(manager, FIND_BY_ID, [organizationId, id]);
    return rows.length > 0 ? this.toEntity(rows[0] as UserRow) : null;
  }

  /**
   * The user, locked for the rest of the transaction on PostgreSQL (SELECT … FOR UPDATE):
   * PATCH, PUT and DELETE of one user then apply one after the other, so a racing
   * `active: false` is never overwritten by a write that read the document before it.
   * SQLite writers already take turns (one write transaction at a time).
   */
  async findForUpdate(
    manager: EntityManager,
    organizationId: string,
    id: string,
  ): Promise<UserEntity | null> {
    const statement = this.sql.dialect === 'postgres' ? FIND_BY_ID_FOR_UPDATE : FIND_BY_ID;
    const rows = await this.sql.run(manager, statement, [organizationId, id]);
    return rows.length > 0 ? this.toEntity(rows[0] as UserRow) : null;
  }

  async page(organizationId: string, query: UserPageQuery): Promise<UserPage> {
    const target = userFilterTargetFor(this.sql.dialect);
    const values: unknown[] = [organizationId];
    let where = `u.organization_id = ${this.sql.placeholder(1)}`;
    if (query.filter) {
      const compiled = compileFilter(query.filter, target);
      where += ` AND (${bindNamedParameters(compiled.where, compiled.params, this.sql.dialect, values)})`;
    }
    const countAll = (): Promise<number> =>
      query.filter
        ? this.sql.count('users u', where, values)
        : this.countOfOrganization(organizationId);
    if (query.count === 0) return { total: await countAll(), users: [] };
    const direction = query.sortOrder === 'descending' ? 'DESC' : 'ASC';
    // Creation order by default, with the id as tie-breaker, so pages never overlap.
    const sort = query.sortBy ? compileSortBy(query.sortBy, target) : 'u.created_at';
    const limit = this.sql.placeholder(values.length + 1);
    const offset = this.sql.placeholder(values.length + 2);
    const order = `ORDER BY ${sort} ${direction}, u.id ASC`;
    // Deferred join: the page's ids are found first, from the index alone where it can be,
    // and only those rows are read. Skipping 100,000 users then walks index entries, not
    // 100,000 whole documents.
    const rows = await this.sql.query<UserRow>(
      `${SELECT_USERS} JOIN (SELECT u.id FROM users u WHERE ${where} ${order} LIMIT ${limit} OFFSET ${offset}) page ON page.id = u.id ${order}`,
      [...values, query.count, query.startIndex - 1],
    );
    const users = rows.map((row) => this.toEntity(row));
    const total = await totalOfPage(query.startIndex, query.count, users.length, countAll);
    return { total, users };
  }

  async userNameTaken(
    manager: EntityManager,
    organizationId: string,
    userNameNormalized: string,
    exceptId?: string,
  ): Promise<boolean> {
    const rows = (await this.sql.run(manager, USER_NAME_OWNER, [
      organizationId,
      userNameNormalized,
    ])) as { id: string }[];
    return rows.length > 0 && rows[0]?.id !== exceptId;
  }

  /** The unique index decides a taken userName, also between two concurrent creates. */
  async insert(manager: EntityManager, user: UserEntity): Promise<void> {
    await this.translateUniqueViolation(user, () =>
      this.sql.run(manager, INSERT, this.columnValues(user)),
    );
  }

  async update(manager: EntityManager, user: UserEntity): Promise<void> {
    const [id, organizationId, ...changes] = this.columnValues(user);
    await this.translateUniqueViolation(user, () =>
      this.sql.run(manager, UPDATE, [...changes, id, organizationId]),
    );
  }

  /** Deletes the user and hands back the row as it was; null when there was none. */
  async deleteReturning(
    manager: EntityManager,
    organizationId: string,
    id: string,
  ): Promise<UserEntity | null> {
    const rows = await this.sql.run(manager, DELETE_RETURNING, [organizationId, id]);
    return rows.length > 0 ? this.toEntity(rows[0] as UserRow) : null;
  }

  private async countOfOrganization(organizationId: string): Promise<number> {
    const rows = (await this.sql.run(undefined, USER_COUNT, [organizationId])) as {
      users: unknown;
    }[];
    return this.sql.values.readCount(rows[0]?.users ?? 0);
  }

  private columnValues(user: UserEntity): unknown[] {
    const v = this.sql.values;
    return [
      user.id,
      user.organizationId,
      user.userName,
      user.userNameNormalized,
      user.externalId,
      user.displayName,
      user.givenName,
      user.familyName,
      user.email,
      user.emailNormalized,
      v.bool(user.active),
      user.roleName,
      user.role,
      user.source,
      v.json(user.resource),
      user.version,
      v.timestamp(user.createdAt),
      v.timestamp(user.updatedAt),
      v.timestampOrNull(user.deactivatedAt),
    ];
  }

  private toEntity(row: UserRow): UserEntity {
    const v = this.sql.values;
    const user = new UserEntity();
    user.id = row.id as string;
    user.organizationId = row.organization_id as string;
    user.userName = row.user_name as string;
    user.userNameNormalized = row.user_name_normalized as string;
    user.externalId = row.external_id as string | null;
    user.displayName = row.display_name as string | null;
    user.givenName = row.given_name as string | null;
    user.familyName = row.family_name as string | null;
    user.email = row.email as string | null;
    user.emailNormalized = row.email_normalized as string | null;
    user.active = v.readBool(row.active);
    user.roleName = row.role_name as string | null;
    user.role = row.role as string | null;
    user.source = row.source as UserSource;
    user.resource = v.readJson(row.resource);
    user.version = Number(row.version);
    user.createdAt = v.readDate(row.created_at);
    user.updatedAt = v.readDate(row.updated_at);
    user.deactivatedAt = v.readDateOrNull(row.deactivated_at);
    return user;
  }

  /** Two concurrent creates on PostgreSQL can both pass a check; the index decides. */
  private async translateUniqueViolation(user: UserEntity, write: () => Promise<unknown>) {
    try {
      await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw userNameTaken(user.userName);
      throw error;
    }
  }
}

export function userNameTaken(userName: string): DirectoryError {
  return new DirectoryError(
    'USER_NAME_TAKEN',
    `A user with userName "${userName}" already exists.`,
  );
}
