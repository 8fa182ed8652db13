import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SqlRunner, SqlStatement, executorOf, inIdList, managerOf, type Tx } from '@rollcall/db';
import type { FederatedIdentity } from '../domain/federated-identity';
import { UserIdentityEntity } from './user-identity.entity';

type IdentityKey = Pick<FederatedIdentity, 'provider' | 'issuer' | 'subject'>;

/** Directory users' linked sign-in accounts (a user id is directory's; the link is ours). */
@Injectable()
export class UserIdentityStore {
  private readonly sql: SqlRunner;
  private readonly linkedAmongIds: SqlStatement;

  constructor(private readonly dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
    // On ix_user_identities_user; one parameter however many candidates.
    this.linkedAmongIds = new SqlStatement(
      `SELECT DISTINCT user_id FROM user_identities
       WHERE ${inIdList('user_id', this.sql.dialect)} AND provider = ? AND issuer_tenant = ?`,
    );
  }

  /** The user of the org linked to exactly this account (provider, issuer, subject), if any. */
  async linkedUserId(
    organizationId: string,
    identity: IdentityKey,
    tx?: Tx,
  ): Promise<string | null> {
    const row = await executorOf(tx, this.dataSource).findOne(UserIdentityEntity, {
      select: { userId: true },
      where: {
        organizationId,
        provider: identity.provider,
        issuerTenant: identity.issuer,
        subject: identity.subject,
      },
    });
    return row?.userId ?? null;
  }

  /** Those of `userIds` already linked to an account of this provider and issuer (any subject). */
  async linkedAmong(
    userIds: readonly string[],
    identity: Pick<FederatedIdentity, 'provider' | 'issuer'>,
    tx?: Tx,
  ): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows = await this.sql.run<{ user_id: string }>(tx, this.linkedAmongIds, [
      this.sql.values.idList(userIds),
      identity.provider,
      identity.issuer,
    ]);
    return new Set(rows.map((row) => row.user_id));
  }

  /**
   * Links the account to the user. An account already linked in the org fails on the unique
   * index: two first sign-ins of one account at once, of which the other stored the link.
   */
  async link(
    tx: Tx,
    link: { userId: string; organizationId: string; identity: IdentityKey; at: Date },
  ): Promise<void> {
    await managerOf(tx).insert(UserIdentityEntity, {
      id: randomUUID(),
      userId: link.userId,
      organizationId: link.organizationId,
      provider: link.identity.provider,
      issuerTenant: link.identity.issuer,
      subject: link.identity.subject,
      createdAt: link.at,
    });
  }
}
