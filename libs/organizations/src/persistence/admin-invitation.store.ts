import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlRunner, SqlStatement, appendEvents, type Tx } from '@rollcall/db';
import type { AdminInvitation } from '../domain/admin-invitation';
import { normalizeAdminEmail } from '../domain/admin-profile';
import { isAdminRole } from '../domain/admin-role';

export interface NewAdminInvitation extends AdminInvitation {
  tokenHash: string;
}

interface InvitationRow {
  id: string;
  organization_id: string;
  email: string;
  role: string;
  invited_by: string;
  created_at: unknown;
  expires_at: unknown;
}

const COLUMNS = 'id, organization_id, email, role, invited_by, created_at, expires_at';
const INSERT = new SqlStatement(
  `INSERT INTO admin_invitations (id, organization_id, email, email_normalized, role,
     token_hash, invited_by, created_at, expires_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const DELETE_FOR_EMAIL = new SqlStatement(
  'DELETE FROM admin_invitations WHERE organization_id = ? AND email_normalized = ?',
);
const DELETE_BY_ID = new SqlStatement(
  `DELETE FROM admin_invitations WHERE id = ? AND organization_id = ? RETURNING ${COLUMNS}`,
);
const OF_ORGANIZATION = new SqlStatement(
  `SELECT ${COLUMNS} FROM admin_invitations WHERE organization_id = ? ORDER BY created_at, id`,
);
const BY_HASH = new SqlStatement(`SELECT ${COLUMNS} FROM admin_invitations WHERE token_hash = ?`);
// Accepting deletes the row: of two concurrent accepts only one gets it back.
const CLAIM_BY_HASH = new SqlStatement(
  `DELETE FROM admin_invitations WHERE token_hash = ? RETURNING ${COLUMNS}`,
);

/**
 * All SQL on `admin_invitations`, and the events of invitations (`admin.invited`,
 * `admin.invitation_revoked`). Tokens are looked up by their SHA-256 only and never go in events.
 */
@Injectable()
export class AdminInvitationStore {
  private readonly sql: SqlRunner;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
  }

  /**
   * Stores the invitation, replacing any earlier one for the same address, with its
   * admin.invited event recorded as by `invitedBy`.
   */
  async replace(tx: Tx, invitation: NewAdminInvitation): Promise<void> {
    const v = this.sql.values;
    const emailNormalized = normalizeAdminEmail(invitation.email);
    await this.sql.run(tx, DELETE_FOR_EMAIL, [invitation.organizationId, emailNormalized]);
    await this.sql.run(tx, INSERT, [
      invitation.id,
      invitation.organizationId,
      invitation.email,
      emailNormalized,
      invitation.role,
      invitation.tokenHash,
      invitation.invitedBy,
      v.timestamp(invitation.createdAt),
      v.timestamp(invitation.expiresAt),
    ]);
    appendEvents(tx, [
      {
        organizationId: invitation.organizationId,
        type: 'admin.invited',
        actor: invitation.invitedBy,
        subject: { type: 'admin_invitation', id: invitation.id },
        data: {
          invitation: {
            id: invitation.id,
            email: invitation.email,
            role: invitation.role,
            expiresAt: invitation.expiresAt.toISOString(),
          },
        },
      },
    ]);
  }

  /**
   * Withdraws an invitation of the organization, with its admin.invitation_revoked event;
   * whether it existed (and is now gone).
   */
  async delete(
    tx: Tx,
    organizationId: string,
    invitationId: string,
    actor: string,
  ): Promise<boolean> {
    const rows = await this.sql.run<InvitationRow>(tx, DELETE_BY_ID, [
      invitationId,
      organizationId,
    ]);
    const row = rows[0];
    if (!row) return false;
    const invitation = this.invitationOf(row);
    appendEvents(tx, [
      {
        organizationId,
        type: 'admin.invitation_revoked',
        actor,
        subject: { type: 'admin_invitation', id: invitation.id },
        data: {
          invitation: { id: invitation.id, email: invitation.email, role: invitation.role },
        },
      },
    ]);
    return true;
  }

  /** Drops any invitation of this address in the organization (once it became an admin). */
  async deleteForEmail(tx: Tx, organizationId: string, email: string): Promise<void> {
    await this.sql.run(tx, DELETE_FOR_EMAIL, [organizationId, normalizeAdminEmail(email)]);
  }

  async listOf(organizationId: string): Promise<AdminInvitation[]> {
    const rows = await this.sql.run<InvitationRow>(undefined, OF_ORGANIZATION, [organizationId]);
    return rows.map((row) => this.invitationOf(row));
  }

  /** The invitation whose token hashes to `tokenHash`, expired or not. */
  async findByTokenHash(tokenHash: string, tx?: Tx): Promise<AdminInvitation | null> {
    const rows = await this.sql.run<InvitationRow>(tx, BY_HASH, [tokenHash]);
    return rows[0] ? this.invitationOf(rows[0]) : null;
  }

  /** Removes and returns the invitation: a token works once. */
  async claimByTokenHash(tx: Tx, tokenHash: string): Promise<AdminInvitation | null> {
    const rows = await this.sql.run<InvitationRow>(tx, CLAIM_BY_HASH, [tokenHash]);
    return rows[0] ? this.invitationOf(rows[0]) : null;
  }

  private invitationOf(row: InvitationRow): AdminInvitation {
    const v = this.sql.values;
    return {
      id: row.id,
      organizationId: row.organization_id,
      email: row.email,
      role: isAdminRole(row.role) ? row.role : 'viewer',
      invitedBy: row.invited_by,
      createdAt: v.readDate(row.created_at),
      expiresAt: v.readDate(row.expires_at),
    };
  }
}
