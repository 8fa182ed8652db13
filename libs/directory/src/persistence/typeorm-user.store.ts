import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  SqlRunner,
  SqlStatement,
  appendEvents,
  bindNamedParameters,
  isUniqueViolation,
  totalOfPage,
  type Tx,
} from '@rollcall/db';
import { compileFilter, compileSortBy, type FilterNode } from '@rollcall/scim-core';
import { userNameTaken } from '../domain/directory.error';
import type { DirectoryUser } from '../domain/directory-user';
import { normalizedUserName } from '../domain/user-document';
import { userChangeEvents, userEvent } from '../domain/user-events';
import { userFilterTargetFor } from './user.filter-target';
import { USER_COLUMNS, toDirectoryUser, userColumnValues, type UserRow } from './user.mapper';

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
  users: DirectoryUser[];
}

const SELECT_USERS = `SELECT ${USER_COLUMNS.map((column) => `u.${column}`).join(', ')} FROM users u`;
/** What an update may change: everything but the key. */
const UPDATED_COLUMNS = USER_COLUMNS.slice(2);

const FIND_BY_ID = new SqlStatement(`${SELECT_USERS} WHERE u.organization_id = ? AND u.id = ?`);
const FIND_BY_ID_FOR_UPDATE = FIND_BY_ID.append('FOR UPDATE');
const USER_NAME_OWNER = new SqlStatement(
  'SELECT id FROM users WHERE organization_id = ? AND user_name_normalized = ?',
);
const INSERT = new SqlStatement(
  `INSERT INTO users (${USER_COLUMNS.join(', ')}) VALUES (${USER_COLUMNS.map(() => '?').join(', ')})`,
);
const UPDATE = new SqlStatement(
  `UPDATE users SET ${UPDATED_COLUMNS.map((column) => `${column} = ?`).join(', ')} WHERE id = ? AND organization_id = ?`,
);
const DELETE = new SqlStatement('DELETE FROM users WHERE organization_id = ? AND id = ?');
const DELETE_RETURNING = DELETE.append(`RETURNING ${USER_COLUMNS.join(', ')}`);
/** Kept by triggers on `users` (migration UserCounts1763900001500). */
const USER_COUNT = new SqlStatement('SELECT users FROM user_counts WHERE organization_id = ?');

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

  async findById(organizationId: string, id: string, tx?: Tx): Promise<DirectoryUser | null> {
    const rows = await this.sql.run<UserRow>(tx, FIND_BY_ID, [organizationId, id]);
    return this.first(rows);
  }

  /**
   * The user, locked for the rest of the transaction on PostgreSQL (SELECT … FOR UPDATE):
   * PATCH, PUT and DELETE of one user then apply one after the other, so a racing
   * `active: false` is never overwritten by a write that read the document before it.
   * SQLite writers already take turns (one write transaction at a time).
   */
  async findForUpdate(tx: Tx, organizationId: string, id: string): Promise<DirectoryUser | null> {
    const statement = this.sql.dialect === 'postgres' ? FIND_BY_ID_FOR_UPDATE : FIND_BY_ID;
    const rows = await this.sql.run<UserRow>(tx, statement, [organizationId, id]);
    return this.first(rows);
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
    const users = rows.map((row) => toDirectoryUser(row, this.sql.values));
    const total = await totalOfPage(query.startIndex, query.count, users.length, countAll);
    return { total, users };
  }

  /** Whether another user of the organization (not `exceptId`) has this userName, in any case. */
  async userNameTaken(
    tx: Tx,
    organizationId: string,
    userName: string,
    exceptId?: string,
  ): Promise<boolean> {
    const rows = await this.sql.run<{ id: string }>(tx, USER_NAME_OWNER, [
      organizationId,
      normalizedUserName(userName),
    ]);
    return rows.length > 0 && rows[0]?.id !== exceptId;
  }

  /**
   * Writes a new user with its `user.created` event. The unique index decides a taken
   * userName, also between two concurrent creates.
   */
  async insert(tx: Tx, user: DirectoryUser, actor: string): Promise<void> {
    await this.translateUniqueViolation(user, () =>
      this.sql.run(tx, INSERT, userColumnValues(user, this.sql.values)),
    );
    appendEvents(tx, [userEvent('user.created', user, actor)]);
  }

  /** Writes the next version of a user, with the events of what changed from `before`. */
  async update(tx: Tx, before: DirectoryUser, after: DirectoryUser, actor: string): Promise<void> {
    const [id, organizationId, ...changes] = userColumnValues(after, this.sql.values);
    await this.translateUniqueViolation(after, () =>
      this.sql.run(tx, UPDATE, [...changes, id, organizationId]),
    );
    appendEvents(tx, userChangeEvents(before, after, actor));
  }

  /**
   * Deletes the user with its `user.deleted` event and hands back the user as it was; null
   * (and no event) when there was none.
   */
  async delete(
    tx: Tx,
    organizationId: string,
    id: string,
    actor: string,
  ): Promise<DirectoryUser | null> {
    const rows = await this.sql.run<UserRow>(tx, DELETE_RETURNING, [organizationId, id]);
    const deleted = this.first(rows);
    if (deleted) appendEvents(tx, [userEvent('user.deleted', deleted, actor)]);
    return deleted;
  }

  private async countOfOrganization(organizationId: string): Promise<number> {
    const rows = await this.sql.run<{ users: unknown }>(undefined, USER_COUNT, [organizationId]);
    return this.sql.values.readCount(rows[0]?.users ?? 0);
  }

  private first(rows: readonly UserRow[]): DirectoryUser | null {
    const row = rows[0];
    return row === undefined ? null : toDirectoryUser(row, this.sql.values);
  }

  /** Two concurrent creates on PostgreSQL can both pass a check; the index decides. */
  private async translateUniqueViolation(user: DirectoryUser, write: () => Promise<unknown>) {
    try {
      await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw userNameTaken(user.userName);
      throw error;
    }
  }
}
