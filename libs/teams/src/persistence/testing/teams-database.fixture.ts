import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  Transactions,
  buildDataSourceOptions,
  dialectOf,
  positional,
  runMigrations,
  sqlValues,
  type NewEvent,
  type Tx,
} from '@rollcall/db';
import { UserLookup } from '@rollcall/directory';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import type { RoleWatch } from '../../domain/role-watch';
import type { Team } from '../../domain/team';
import { GroupRoleMappingStore } from '../group-role-mapping.store';
import { TeamListStore } from '../team-list.store';
import { TeamMemberStore } from '../team-member.store';
import { TeamResourceStore } from '../team-resource.store';
import { TypeOrmTeamStore } from '../typeorm-team.store';

/**
 * A migrated database (SQLite, or PostgreSQL with TEST_DB=postgres) and the teams stores on
 * it, for the persistence specs. Users, which are the directory's, are written as bare rows.
 */
export class TeamsDatabase {
  readonly teams: TypeOrmTeamStore;
  readonly lists: TeamListStore;
  readonly members: TeamMemberStore;
  readonly resources: TeamResourceStore;
  readonly mappings: GroupRoleMappingStore;
  private readonly transactions: Transactions;

  private constructor(
    private readonly database: FreshDatabase,
    readonly dataSource: DataSource,
  ) {
    this.teams = new TypeOrmTeamStore(dataSource);
    this.lists = new TeamListStore(dataSource);
    this.members = new TeamMemberStore(dataSource, this.teams, new UserLookup(dataSource));
    this.resources = new TeamResourceStore(dataSource);
    this.mappings = new GroupRoleMappingStore(dataSource);
    this.transactions = new Transactions(dataSource);
  }

  static async open(): Promise<TeamsDatabase> {
    const database = await createFreshDatabase();
    const dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
    await runMigrations(dataSource);
    return new TeamsDatabase(database, dataSource);
  }

  async close(): Promise<void> {
    await this.dataSource.destroy();
    await this.database.drop();
  }

  /** `work` in a transaction that commits, with the events it appended. */
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transactions.run(work);
  }

  /** `work` in a transaction that then fails, so it rolls back. */
  async rolledBack(work: (tx: Tx) => Promise<unknown>): Promise<void> {
    const failure = new Error('rolled back on purpose');
    try {
      await this.run(async (tx) => {
        await work(tx);
        throw failure;
      });
    } catch (error) {
      if (error === failure) return;
      throw error;
    }
  }

  organization(): Promise<string> {
    return insertOrganization(this.dataSource);
  }

  /** A user row with only what the users table requires, and the role given. Its id. */
  async user(
    organizationId: string,
    userName: string,
    fields: { displayName?: string; active?: boolean; role?: string } = {},
  ): Promise<string> {
    const v = sqlValues(dialectOf(this.dataSource));
    const id = randomUUID();
    const now = v.timestamp(new Date());
    await this.query(
      `INSERT INTO users (id, organization_id, user_name, user_name_normalized, display_name, active, role, source, resource, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'scim', ?, 1, ?, ?)`,
      [
        id,
        organizationId,
        userName,
        userName.toLowerCase(),
        fields.displayName ?? null,
        v.bool(fields.active ?? true),
        fields.role ?? null,
        v.json({}),
        now,
        now,
      ],
    );
    return id;
  }

  /** `count` bare users in few statements (a big group's worth). Their ids. */
  async manyUsers(organizationId: string, count: number): Promise<string[]> {
    const v = sqlValues(dialectOf(this.dataSource));
    const now = v.timestamp(new Date());
    const ids = Array.from({ length: count }, () => randomUUID());
    for (let start = 0; start < count; start += 1000) {
      const chunk = ids.slice(start, start + 1000);
      await this.query(
        `INSERT INTO users (id, organization_id, user_name, user_name_normalized, active, source, resource, version, created_at, updated_at)
         VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, 'scim', ?, 1, ?, ?)").join(', ')}`,
        chunk.flatMap((id, i) => {
          const userName = `bulk${start + i}@example.com`;
          return [id, organizationId, userName, userName, v.bool(true), v.json({}), now, now];
        }),
      );
    }
    return ids;
  }

  /** A live team, as the store creates it (with its `team.created`). */
  async team(organizationId: string, name: string, at = new Date()): Promise<Team> {
    const team = aTeam(organizationId, name, at);
    await this.run((tx) => this.teams.create(tx, team, 'admin:spec'));
    return team;
  }

  /** The organization's events, in sequence order, as a subscriber reads them. */
  async events(organizationId: string): Promise<StoredEvent[]> {
    const rows = await this.query<{
      type: string;
      actor: string;
      subject_type: string;
      subject_id: string | null;
      data: unknown;
    }>(
      'SELECT type, actor, subject_type, subject_id, data FROM events WHERE organization_id = ? ORDER BY sequence',
      [organizationId],
    );
    const v = sqlValues(dialectOf(this.dataSource));
    return rows.map((row) => ({
      type: row.type,
      actor: row.actor,
      subject: { type: row.subject_type, id: row.subject_id },
      data: v.readJson<Record<string, unknown>>(row.data),
    }));
  }

  /** Every statement sent to the database while `work` runs, in and out of transactions. */
  async statementsDuring(work: () => Promise<void>): Promise<string[]> {
    const logger = this.dataSource.logger;
    const original = logger.logQuery;
    const statements: string[] = [];
    logger.logQuery = (query, parameters, queryRunner) => {
      statements.push(query);
      return original.call(logger, query, parameters, queryRunner);
    };
    try {
      await work();
    } finally {
      logger.logQuery = original;
    }
    return statements;
  }

  /** A timestamp column's value, as the stores read it. */
  readDate(value: unknown): Date {
    return sqlValues(dialectOf(this.dataSource)).readDate(value);
  }

  /** A statement written with `?` placeholders, in either dialect. */
  query<Row = Record<string, unknown>>(sql: string, parameters: unknown[]): Promise<Row[]> {
    return this.dataSource.query(positional(sql, dialectOf(this.dataSource)), parameters);
  }

  async count(table: string, where: string, parameters: unknown[]): Promise<number> {
    const rows = await this.query<{ n: unknown }>(
      `SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`,
      parameters,
    );
    return Number(rows[0]?.n);
  }
}

export type StoredEvent = Omit<NewEvent, 'organizationId'>;

export function aTeam(organizationId: string, name: string, at = new Date()): Team {
  const id = randomUUID();
  return {
    id,
    organizationId,
    name,
    slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${id.slice(0, 6)}`,
    externalId: null,
    source: 'scim',
    version: 1,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    deletedBy: null,
    purgeAfter: null,
  };
}

/** A watch that tells one made-up role change, to see where a store puts it. */
export function aRoleWatch(organizationId: string, userId: string): RoleWatch {
  return {
    moved: () =>
      Promise.resolve([
        {
          organizationId,
          type: 'user.role_changed',
          actor: 'admin:spec',
          subject: { type: 'user', id: userId },
          data: { user: { id: userId, userName: null }, role: null, previousRole: null },
        },
      ]),
  };
}
