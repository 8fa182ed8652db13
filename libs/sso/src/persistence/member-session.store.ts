import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlRunner, SqlStatement, type Tx } from '@rollcall/db';
import type { SessionClock } from '../domain/admin-session.policy';
import type { LiveMemberSession, NewMemberSession } from '../domain/member-session';

interface LiveRow {
  id: string;
  user_id: string;
  organization_id: string;
  csrf_token: string | null;
  last_seen_at: unknown;
}

// Live is decided in SQL, against the request's one clock: not revoked, not past its absolute
// expiry, not idle. Whether its user may still sign in is the directory's to say.
const FIND_LIVE = new SqlStatement(
  `SELECT id, user_id, organization_id, csrf_token, last_seen_at FROM member_sessions
   WHERE id = ? AND revoked_at IS NULL AND expires_at > ? AND last_seen_at > ?`,
);
// Conditional, so concurrent requests of one session write it once a minute at most.
const TOUCH = new SqlStatement(
  `UPDATE member_sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?`,
);
const INSERT = new SqlStatement(
  `INSERT INTO member_sessions (id, user_id, organization_id, csrf_token, created_at,
     last_seen_at, expires_at, revoked_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`,
);
const REVOKE = new SqlStatement(
  `UPDATE member_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`,
);

/**
 * All SQL on `member_sessions`: sessions of org members (directory users). Deleting a user
 * deletes theirs (a foreign key cascade: nothing else is told about a session).
 */
@Injectable()
export class MemberSessionStore {
  private readonly sql: SqlRunner;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
  }

  /** The session with this id if it is live at `clock.now`, else null. */
  async findLive(id: string, clock: SessionClock): Promise<LiveMemberSession | null> {
    const v = this.sql.values;
    const [row] = await this.sql.run<LiveRow>(undefined, FIND_LIVE, [
      id,
      v.timestamp(clock.now),
      v.timestamp(clock.idleCutoff),
    ]);
    if (!row) return null;
    return {
      id: row.id,
      userId: row.user_id,
      organizationId: row.organization_id,
      csrfToken: row.csrf_token,
      lastSeenStale: v.readDate(row.last_seen_at) < clock.lastSeenStaleBefore,
    };
  }

  /**
   * Marks the session seen at `clock.now`, unless a concurrent request already did. Outside
   * any transaction: a lost update only shortens the idle window by a minute.
   */
  async touch(id: string, clock: SessionClock): Promise<void> {
    const v = this.sql.values;
    await this.sql.run(undefined, TOUCH, [
      v.timestamp(clock.now),
      id,
      v.timestamp(clock.lastSeenStaleBefore),
    ]);
  }

  async open(tx: Tx, session: NewMemberSession): Promise<void> {
    const v = this.sql.values;
    await this.sql.run(tx, INSERT, [
      session.id,
      session.userId,
      session.organizationId,
      session.csrfToken,
      v.timestamp(session.createdAt),
      v.timestamp(session.createdAt),
      v.timestamp(session.expiresAt),
    ]);
  }

  /** Revokes the session unless it already was (its first revocation time stays). */
  async revoke(id: string, at: Date): Promise<void> {
    await this.sql.run(undefined, REVOKE, [this.sql.values.timestamp(at), id]);
  }
}
