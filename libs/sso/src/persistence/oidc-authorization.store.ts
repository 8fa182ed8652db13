import { Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import type { OidcAuthorization } from '../domain/oidc-authorization';
import { isWellFormedState, stateIdOf } from '../domain/oidc-authorization.policy';
import { OidcAuthorizationEntity } from './oidc-authorization.entity';

/** Started OIDC round trips, in the database so any replica can finish one. */
@Injectable()
export class OidcAuthorizationStore {
  constructor(private readonly dataSource: DataSource) {}

  save(authorization: OidcAuthorization): Promise<void> {
    return inTransaction(this.dataSource, async (manager) => {
      // Cheap and indexed: abandoned round trips are swept by the next one to start.
      await manager.delete(OidcAuthorizationEntity, {
        expiresAt: LessThan(authorization.createdAt),
      });
      await manager.insert(OidcAuthorizationEntity, { ...authorization });
    });
  }

  /** Round trips past their expiry, abandoned at the provider: nothing can finish them. */
  async purgeExpired(now: Date): Promise<number> {
    const deleted = await this.dataSource.manager.delete(OidcAuthorizationEntity, {
      expiresAt: LessThan(now),
    });
    return deleted.affected ?? 0;
  }

  /**
   * The round trip of `state`, removed so it can finish once: of two concurrent callbacks with
   * one state only the one whose delete hits the row gets it. Null when unknown, used or expired.
   */
  take(state: unknown, now: Date = new Date()): Promise<OidcAuthorization | null> {
    if (!isWellFormedState(state)) return Promise.resolve(null);
    const id = stateIdOf(state);
    return inTransaction(this.dataSource, async (manager) => {
      const row = await manager.findOneBy(OidcAuthorizationEntity, { id });
      if (!row) return null;
      const deleted = await manager.delete(OidcAuthorizationEntity, { id });
      if (deleted.affected !== 1) return null;
      return row.expiresAt.getTime() > now.getTime() ? toAuthorization(row) : null;
    });
  }
}

function toAuthorization(row: OidcAuthorizationEntity): OidcAuthorization {
  return {
    id: row.id,
    purpose: row.purpose,
    nonce: row.nonce,
    codeVerifier: row.codeVerifier,
    organizationId: row.organizationId,
    adminId: row.adminId,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}
