import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlRunner, SqlStatement, type Tx } from '@rollcall/db';
import type { SignInChallengePurpose, StoredChallenge } from '../domain/sign-in-challenge';

interface ChallengeRow {
  id: string;
  admin_id: string;
  purpose: SignInChallengePurpose;
  expires_at: unknown;
}

const INSERT = new SqlStatement(
  `INSERT INTO admin_sign_in_challenges (id, admin_id, purpose, created_at, expires_at)
   VALUES (?, ?, ?, ?, ?)`,
);
const FIND_LIVE = new SqlStatement(
  `SELECT id, admin_id, purpose, expires_at FROM admin_sign_in_challenges
   WHERE id = ? AND expires_at > ?`,
);
// Deleting is what spends it: of two concurrent second steps only one removes the row.
const TAKE = new SqlStatement(
  `DELETE FROM admin_sign_in_challenges WHERE id = ? AND expires_at > ? RETURNING id`,
);
const PURGE = new SqlStatement(
  `DELETE FROM admin_sign_in_challenges WHERE expires_at <= ? RETURNING id`,
);
// A new password sign-in supersedes the admin's earlier unfinished ones.
const DELETE_OF_ADMIN = new SqlStatement(`DELETE FROM admin_sign_in_challenges WHERE admin_id = ?`);

/** All SQL on `admin_sign_in_challenges`: password sign-ins waiting for their second step. */
@Injectable()
export class SignInChallengeStore {
  private readonly sql: SqlRunner;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
  }

  async issue(tx: Tx, challenge: StoredChallenge, at: Date): Promise<void> {
    const v = this.sql.values;
    await this.sql.run(tx, DELETE_OF_ADMIN, [challenge.adminId]);
    await this.sql.run(tx, INSERT, [
      challenge.id,
      challenge.adminId,
      challenge.purpose,
      v.timestamp(at),
      v.timestamp(challenge.expiresAt),
    ]);
  }

  /** The challenge if it is live at `now`, without spending it. */
  async findLive(id: string, now: Date, tx?: Tx): Promise<StoredChallenge | null> {
    const v = this.sql.values;
    const [row] = await this.sql.run<ChallengeRow>(tx, FIND_LIVE, [id, v.timestamp(now)]);
    if (!row) return null;
    return {
      id: row.id,
      adminId: row.admin_id,
      purpose: row.purpose,
      expiresAt: v.readDate(row.expires_at),
    };
  }

  /** Spends the challenge; false when it was already spent or has expired. */
  async take(tx: Tx, id: string, now: Date): Promise<boolean> {
    const rows = await this.sql.run(tx, TAKE, [id, this.sql.values.timestamp(now)]);
    return rows.length === 1;
  }

  async purgeExpired(tx: Tx, now: Date): Promise<number> {
    const rows = await this.sql.run(tx, PURGE, [this.sql.values.timestamp(now)]);
    return rows.length;
  }
}
