import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlRunner, SqlStatement, type Tx } from '@rollcall/db';
import type { StoredTwoFactor } from '../domain/admin-two-factor';

interface TwoFactorRow {
  admin_id: string;
  secret_sealed: string;
  enabled_at: unknown;
  last_used_step: unknown;
}

const FIND = new SqlStatement(
  `SELECT admin_id, secret_sealed, enabled_at, last_used_step FROM admin_two_factor
   WHERE admin_id = ?`,
);
const DELETE_PENDING = new SqlStatement(
  `DELETE FROM admin_two_factor WHERE admin_id = ? AND enabled_at IS NULL`,
);
const INSERT_PENDING = new SqlStatement(
  `INSERT INTO admin_two_factor (admin_id, secret_sealed, enabled_at, last_used_step, created_at)
   VALUES (?, ?, NULL, NULL, ?)`,
);
const ENABLE = new SqlStatement(
  `UPDATE admin_two_factor SET enabled_at = ?, last_used_step = ?
   WHERE admin_id = ? AND secret_sealed = ? AND enabled_at IS NULL RETURNING admin_id`,
);
// Conditional, so of two requests with one code only one moves the step forward.
const USE_STEP = new SqlStatement(
  `UPDATE admin_two_factor SET last_used_step = ?
   WHERE admin_id = ? AND enabled_at IS NOT NULL
     AND (last_used_step IS NULL OR last_used_step < ?)
   RETURNING admin_id`,
);
const DELETE = new SqlStatement(`DELETE FROM admin_two_factor WHERE admin_id = ?`);
const DELETE_CODES = new SqlStatement(`DELETE FROM admin_recovery_codes WHERE admin_id = ?`);
const INSERT_CODE = new SqlStatement(
  `INSERT INTO admin_recovery_codes (id, admin_id, code_hash, created_at, used_at)
   VALUES (?, ?, ?, ?, NULL)`,
);
const USE_CODE = new SqlStatement(
  `UPDATE admin_recovery_codes SET used_at = ?
   WHERE admin_id = ? AND code_hash = ? AND used_at IS NULL RETURNING id`,
);
const COUNT_UNUSED = new SqlStatement(
  `SELECT COUNT(*) AS n FROM admin_recovery_codes WHERE admin_id = ? AND used_at IS NULL`,
);

/** All SQL on `admin_two_factor` and `admin_recovery_codes`: an admin's second factor. */
@Injectable()
export class TwoFactorStore {
  private readonly sql: SqlRunner;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
  }

  async find(adminId: string, tx?: Tx): Promise<StoredTwoFactor | null> {
    const [row] = await this.sql.run<TwoFactorRow>(tx, FIND, [adminId]);
    if (!row) return null;
    const v = this.sql.values;
    return {
      adminId: row.admin_id,
      secretSealed: row.secret_sealed,
      enabledAt: v.readDateOrNull(row.enabled_at),
      lastUsedStep: row.last_used_step === null ? null : Number(row.last_used_step),
    };
  }

  /** A new pending secret, replacing an earlier unconfirmed one; the caller checked none is enabled. */
  async savePending(tx: Tx, adminId: string, secretSealed: string, at: Date): Promise<void> {
    await this.sql.run(tx, DELETE_PENDING, [adminId]);
    await this.sql.run(tx, INSERT_PENDING, [adminId, secretSealed, this.sql.values.timestamp(at)]);
  }

  /**
   * Confirms the pending secret that the code was checked against, with the code's step; false
   * if it is no longer the pending one (enabled, or replaced by a newer setup meanwhile).
   */
  async enable(
    tx: Tx,
    adminId: string,
    secretSealed: string,
    step: number,
    at: Date,
  ): Promise<boolean> {
    const v = this.sql.values;
    const rows = await this.sql.run(tx, ENABLE, [v.timestamp(at), step, adminId, secretSealed]);
    return rows.length === 1;
  }

  /** Records `step` as used; false when it (or a later one) already was: a replayed code. */
  async useStep(tx: Tx, adminId: string, step: number): Promise<boolean> {
    const rows = await this.sql.run(tx, USE_STEP, [step, adminId, step]);
    return rows.length === 1;
  }

  /** Turns two-factor off: the secret and every recovery code go. */
  async remove(tx: Tx, adminId: string): Promise<void> {
    await this.sql.run(tx, DELETE_CODES, [adminId]);
    await this.sql.run(tx, DELETE, [adminId]);
  }

  /** The admin's recovery codes become exactly these (hashes); earlier ones stop working. */
  async replaceRecoveryCodes(
    tx: Tx,
    adminId: string,
    codeHashes: readonly string[],
    at: Date,
  ): Promise<void> {
    await this.sql.run(tx, DELETE_CODES, [adminId]);
    for (const hash of codeHashes) {
      await this.sql.run(tx, INSERT_CODE, [
        randomUUID(),
        adminId,
        hash,
        this.sql.values.timestamp(at),
      ]);
    }
  }

  /** Spends an unused recovery code; false when it is unknown or was used. */
  async useRecoveryCode(tx: Tx, adminId: string, codeHash: string, at: Date): Promise<boolean> {
    const rows = await this.sql.run(tx, USE_CODE, [
      this.sql.values.timestamp(at),
      adminId,
      codeHash,
    ]);
    return rows.length === 1;
  }

  async unusedRecoveryCodes(adminId: string, tx?: Tx): Promise<number> {
    const [row] = await this.sql.run<{ n: unknown }>(tx, COUNT_UNUSED, [adminId]);
    return row ? this.sql.values.readCount(row.n) : 0;
  }
}
