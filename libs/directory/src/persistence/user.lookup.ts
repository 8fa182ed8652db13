import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlRunner, SqlStatement, inIdList, type SqlDialect, type Tx } from '@rollcall/db';
import { isRoleName, type RoleName } from '@rollcall/contracts';

/** What another feature shows of a user: enough to name them and tell their standing. */
export interface UserSummary {
  id: string;
  userName: string;
  displayName: string | null;
  active: boolean;
  /** The explicit role (SCIM roles / roleName), null when none. */
  role: RoleName | null;
}

/** A user named in a long list: the id, and the userName that events carry. */
export interface UserRef {
  id: string;
  userName: string;
}

export type SignInMatch = 'user_name' | 'external_id' | 'email';

export interface SignInCandidate extends UserSummary {
  matchedBy: SignInMatch;
}

/** What a provider vouches for about who signs in, as keys of the users table. */
export interface SignInKeys {
  /** Already lower-cased; matched against user_name_normalized. */
  userNames: readonly string[];
  /** Matched exactly against external_id. */
  externalIds: readonly string[];
  /** Already lower-cased; matched against email_normalized. */
  emails: readonly string[];
}

const SUMMARY_COLUMNS = 'id, user_name, display_name, active, role';

interface SummaryRow {
  id: string;
  user_name: string;
  display_name: string | null;
  active: unknown;
  role: string | null;
}

interface CandidateRow extends SummaryRow {
  matched_by: SignInMatch;
}

/**
 * Each list travels as one parameter, so a statement's text is the same whatever the number
 * of ids or keys, and an empty list matches nothing (no placeholder value that a column could
 * hold, no invalid empty `IN ()`).
 */
function lookupStatements(dialect: SqlDialect) {
  const userName = inIdList('user_name_normalized', dialect);
  const externalId = inIdList('external_id', dialect);
  const email = inIdList('email_normalized', dialect);
  return {
    summaries: new SqlStatement(
      `SELECT ${SUMMARY_COLUMNS} FROM users WHERE organization_id = ? AND ${inIdList('id', dialect)}`,
    ),
    // Keyset pages in primary-key order: each page starts where the last ended, so a page costs
    // the same however far into a 100k-user organization it is, and a page is one statement.
    withoutRole: new SqlStatement(
      `SELECT id, user_name FROM users
       WHERE organization_id = ? AND role IS NULL AND id > ?
       ORDER BY id LIMIT ?`,
    ),
    // The CASE names the best key that holds, in the order a sign-in trusts them. The
    // organization is repeated in each branch so that each is a search of its own index
    // (SQLite's multi-index OR); `organization_id = ? AND (… OR …)` scans the organization.
    signInCandidates: new SqlStatement(
      `SELECT ${SUMMARY_COLUMNS},
         CASE WHEN ${userName} THEN 'user_name' WHEN ${externalId} THEN 'external_id' ELSE 'email' END AS matched_by
       FROM users
       WHERE (organization_id = ? AND ${userName})
          OR (organization_id = ? AND ${externalId})
          OR (organization_id = ? AND ${email})
       ORDER BY created_at ASC, id ASC`,
    ),
  };
}

/**
 * The directory's users as other features may read them (teams' member lists, sso's sign-in),
 * never by the table's name: read-only, one organization at a time, one statement per call.
 */
@Injectable()
export class UserLookup {
  private readonly sql: SqlRunner;
  private readonly statements: ReturnType<typeof lookupStatements>;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
    this.statements = lookupStatements(this.sql.dialect);
  }

  /** The organization's users among `ids`, by id; ids of no user (or another org's) are absent. */
  async summaries(
    organizationId: string,
    ids: readonly string[],
    tx?: Tx,
  ): Promise<Map<string, UserSummary>> {
    const summaries = new Map<string, UserSummary>();
    if (ids.length === 0) return summaries;
    const rows = await this.sql.run<SummaryRow>(tx, this.statements.summaries, [
      organizationId,
      this.sql.values.idList(ids),
    ]);
    for (const row of rows) summaries.set(row.id, this.toSummary(row));
    return summaries;
  }

  /**
   * One page of the organization's users who have no role of their own (no roleName; deactivated
   * ones too), in id order: the first `limit` with an id after `afterId` (null: from the start).
   * A page shorter than `limit` is the last.
   */
  async withoutRole(
    organizationId: string,
    afterId: string | null,
    limit: number,
    tx?: Tx,
  ): Promise<UserRef[]> {
    // Every id sorts after the empty string, so it starts the first page.
    const rows = await this.sql.run<{ id: string; user_name: string }>(
      tx,
      this.statements.withoutRole,
      [organizationId, afterId ?? '', limit],
    );
    return rows.map((row) => ({ id: row.id, userName: row.user_name }));
  }

  /**
   * Users of the org matching any key, oldest first (created_at ASC); matchedBy is the first
   * that holds in the order user_name, external_id, email. Empty keys → [].
   */
  async signInCandidates(
    organizationId: string,
    keys: SignInKeys,
    tx?: Tx,
  ): Promise<SignInCandidate[]> {
    if (!keys.userNames.length && !keys.externalIds.length && !keys.emails.length) return [];
    const v = this.sql.values;
    const [userNames, externalIds, emails] = [
      v.idList(keys.userNames),
      v.idList(keys.externalIds),
      v.idList(keys.emails),
    ];
    const rows = await this.sql.run<CandidateRow>(tx, this.statements.signInCandidates, [
      userNames,
      externalIds,
      organizationId,
      userNames,
      organizationId,
      externalIds,
      organizationId,
      emails,
    ]);
    return rows.map((row) => ({ ...this.toSummary(row), matchedBy: row.matched_by }));
  }

  private toSummary(row: SummaryRow): UserSummary {
    return {
      id: row.id,
      userName: row.user_name,
      displayName: row.display_name,
      active: this.sql.values.readBool(row.active),
      // Written only as resolveRoleName's answer, so never another value.
      role: row.role !== null && isRoleName(row.role) ? row.role : null,
    };
  }
}
