import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlRunner, SqlStatement, type Tx } from '@rollcall/db';
import type { SessionClock } from '../domain/admin-session.policy';
import type { LiveAdminSession, NewAdminSession } from '../domain/admin-session';

interface LiveRow {
  id: string;
  admin_id: string;
  organization_id: string;
  csrf_token: string;
  last_seen_at: unknown;
}

// Live is decided in SQL, against the request's one clock: not revoked, not past its absolute
// expiry, not idle. The primary key finds the row.
const FIND_LIVE = new SqlStatement(
  `SELECT id, admin_id, organization_id, csrf_token, last_seen_at FROM admin_sessions
   WHERE id = ? AND revoked_at IS NULL AND expires_at > ? AND last_seen_at > ?`,
);
// Conditional, so concurrent requests of one session write it once a minute at most.
const TOUCH = new SqlStatement(
  `UPDATE admin_sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?`,
);
const INSERT = new SqlStatement(
  `INSERT INTO admin_sessions (id, admin_id, organization_id, csrf_token, created_at,
     last_seen_at, expires_at, revoked_at, user_agent, ip_address)
   VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
);
const REVOKE = new SqlStatement(
  `UPDATE admin_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`,
);
const REVOKE_ALL_OF = new SqlStatement(
  `UPDATE admin_sessions SET revoked_at = ? WHERE admin_id = ? AND revoked_at IS NULL
   RETURNING id`,
);
const REVOKE_ALL_OF_BUT = new SqlStatement(
  `UPDATE admin_sessions SET revoked_at = ? WHERE admin_id = ? AND id <> ? AND revoked_at IS NULL
   RETURNING id`,
);
// Both conditions are indexed (ix_admin_sessions_expires, ix_admin_sessions_last_seen).
const PURGE = new SqlStatement(
  `DELETE FROM admin_sessions WHERE expires_at <= ? OR last_seen_at <= ? RETURNING id`,
);

/** All SQL on `admin_sessions`: the dashboard sessions of org admins. */
@Injectable()
export class AdminSessionStore {
  private readonly sql: SqlRunner;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
  }

  /** The session with this id if it is live at `clock.now`, else null. */
  async findLive(id: string, clock: SessionClock): Promise<LiveAdminSession | null> {
    const v = this.sql.values;
    const [row] = await this.sql.run<LiveRow>(undefined, FIND_LIVE, [
      id,
      v.timestamp(clock.now),
      v.timestamp(clock.idleCutoff),
    ]);
    if (!row) return null;
    return {
      id: row.id,
      adminId: row.admin_id,
      organizationId: row.organization_id,
      csrfToken: row.csrf_token,
      lastSeenStale: v.readDate(row.last_seen_at) < clock.lastSeenStaleBefore,
    };
  }

  /**
   * Marks the session seen at `clock.now`, unless a concurrent request already did. Outside
   * any transaction: a lost update only shortens the idle window by a minute, so it does not
   * queue behind other writers' transactions.
   */
  async touch(id: string, clock: SessionClock): Promise<void> {
    const v = this.sql.values;
    await this.sql.run(undefined, TOUCH, [
      v.timestamp(clock.now),
      id,
      v.timestamp(clock.lastSeenStaleBefore),
    ]);
  }

  async open(tx: Tx, session: NewAdminSession): Promise<void> {
    const v = this.sql.values;
    await this.sql.run(tx, INSERT, [
      session.id,
      session.adminId,
      session.organizationId,
      session.csrfToken,
      v.timestamp(session.createdAt),
      v.timestamp(session.createdAt),
      v.timestamp(session.expiresAt),
      // Cut to the columns' widths: both come from the request, as the client sent them.
      session.userAgent?.slice(0, 512) ?? null,
      session.ipAddress?.slice(0, 64) ?? null,
    ]);
  }

  /** Revokes the session unless it already was (its first revocation time stays). */
  async revoke(tx: Tx, id: string, at: Date): Promise<void> {
    await this.sql.run(tx, REVOKE, [this.sql.values.timestamp(at), id]);
  }

  /** Revokes every live session of the admin; how many there were. */
  async revokeAllOf(tx: Tx, adminId: string, at: Date): Promise<number> {
    const rows = await this.sql.run(tx, REVOKE_ALL_OF, [this.sql.values.timestamp(at), adminId]);
    return rows.length;
  }

  /** Revokes every live session of the admin but `keptId` (the one asking); how many. */
  async revokeAllOfBut(tx: Tx, adminId: string, keptId: string, at: Date): Promise<number> {
    const rows = await this.sql.run(tx, REVOKE_ALL_OF_BUT, [
      this.sql.values.timestamp(at),
      adminId,
      keptId,
    ]);
    return rows.length;
  }

  /** Deletes sessions past their absolute expiry or idle at `clock`; how many. */
  async purgeExpired(tx: Tx, clock: SessionClock): Promise<number> {
    const v = this.sql.values;
    const rows = await this.sql.run(tx, PURGE, [
      v.timestamp(clock.now),
      v.timestamp(clock.idleCutoff),
    ]);
    return rows.length;
  }
}
