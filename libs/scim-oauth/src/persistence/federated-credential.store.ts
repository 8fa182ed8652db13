import { Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { SCIM_CREDENTIALS_TOPIC } from '@rollcall/organizations';
import {
  CacheInvalidation,
  SqlRunner,
  SqlStatement,
  appendEvents,
  inIdList,
  inTransaction,
  isUniqueViolation,
  managerOf,
  type Tx,
} from '@rollcall/db';
import { credentialEvent } from '../domain/credential.events';
import type { FederatedCredential } from '../domain/federated-credential';
import { ScimOAuthError } from '../domain/scim-oauth.error';
import { FederatedAssertionJtiEntity } from './federated-assertion-jti.entity';
import { FederatedCredentialEntity } from './federated-credential.entity';
import { lastUsedUpdate, touchLastUsed } from './last-used.touch';

interface CredentialRow {
  id: string;
  organization_id: string;
  name: string;
  issuer: string;
  subject: string;
  audience: string;
  jwks_uri: string | null;
  access_token_lifetime_minutes: number;
  created_at: unknown;
  last_used_at: unknown;
  revoked_at: unknown;
}

const FIND_LIVE = new SqlStatement(
  `SELECT id FROM scim_federated_credentials
   WHERE id = ? AND organization_id = ? AND revoked_at IS NULL`,
);
const TOUCH = lastUsedUpdate('scim_federated_credentials');

/**
 * All SQL on `scim_federated_credentials` and the `jti`s exchanged under them
 * (`scim_federated_assertion_jtis`). Every change appends its credential event, and a
 * revocation is announced on the `scim-credentials` topic, in the caller's transaction.
 */
@Injectable()
export class FederatedCredentialStore {
  private readonly sql: SqlRunner;
  private readonly findLiveByAssertion: SqlStatement;

  constructor(
    private readonly dataSource: DataSource,
    private readonly invalidation: CacheInvalidation,
  ) {
    this.sql = new SqlRunner(dataSource);
    // Served by ix_scim_federated_credentials_assertion (issuer, subject, audience).
    this.findLiveByAssertion = new SqlStatement(
      `SELECT id, organization_id, name, issuer, subject, audience, jwks_uri,
         access_token_lifetime_minutes, created_at, last_used_at, revoked_at
       FROM scim_federated_credentials
       WHERE issuer = ? AND subject = ? AND ${inIdList('audience', this.sql.dialect)}
         AND revoked_at IS NULL`,
    );
  }

  /**
   * A new credential. Unique per organization only: whether another organization trusts the
   * same issuer and subject is none of this one's business, and the audience keeps their
   * assertions apart.
   */
  async create(tx: Tx, credential: FederatedCredential, actor: string): Promise<void> {
    try {
      await managerOf(tx).insert(FederatedCredentialEntity, { ...credential });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ScimOAuthError(
          'FEDERATED_CREDENTIAL_TAKEN',
          'This organization already has a live federated credential for this issuer and subject.',
        );
      }
      throw error;
    }
    appendEvents(tx, [
      credentialEvent('credential.created', credential.organizationId, actor, {
        kind: 'federated_credential',
        id: credential.id,
        name: credential.name,
      }),
    ]);
  }

  /** One credential of the organization; another organization's id finds nothing. */
  async findInOrganization(
    tx: Tx,
    organizationId: string,
    id: string,
  ): Promise<FederatedCredential | null> {
    const row = await managerOf(tx).findOne(FederatedCredentialEntity, {
      where: { id, organizationId },
    });
    return row ? credentialOf(row) : null;
  }

  /** The organization's credentials, newest first. */
  async listInOrganization(organizationId: string): Promise<FederatedCredential[]> {
    const rows = await this.dataSource.getRepository(FederatedCredentialEntity).find({
      where: { organizationId },
      order: { createdAt: 'DESC' },
    });
    return rows.map(credentialOf);
  }

  /** Revokes a live credential: no more exchanges, and its tokens stop working everywhere. */
  async revoke(tx: Tx, credential: FederatedCredential, at: Date, actor: string): Promise<void> {
    const manager = managerOf(tx);
    await manager.update(FederatedCredentialEntity, { id: credential.id }, { revokedAt: at });
    await this.invalidation.announce(manager, SCIM_CREDENTIALS_TOPIC);
    appendEvents(tx, [
      credentialEvent('credential.revoked', credential.organizationId, actor, {
        kind: 'federated_credential',
        id: credential.id,
        name: credential.name,
      }),
    ]);
  }

  /**
   * The live credentials an assertion of this issuer and subject may be for, one per audience
   * it names at most (Rollcall gives every credential an audience of its own).
   */
  async findLiveByAssertionClaims(
    issuer: string,
    subject: string,
    audiences: readonly string[],
  ): Promise<FederatedCredential[]> {
    const v = this.sql.values;
    const rows = await this.sql.run<CredentialRow>(undefined, this.findLiveByAssertion, [
      issuer,
      subject,
      v.idList(audiences),
    ]);
    return rows.map((row) => ({
      id: row.id,
      organizationId: row.organization_id,
      name: row.name,
      issuer: row.issuer,
      subject: row.subject,
      audience: row.audience,
      jwksUri: row.jwks_uri,
      accessTokenLifetimeMinutes: Number(row.access_token_lifetime_minutes),
      createdAt: v.readDate(row.created_at),
      lastUsedAt: v.readDateOrNull(row.last_used_at),
      revokedAt: v.readDateOrNull(row.revoked_at),
    }));
  }

  /** Whether the organization's credential is not revoked. */
  async isLive(organizationId: string, id: string): Promise<boolean> {
    const rows = await this.sql.run(undefined, FIND_LIVE, [id, organizationId]);
    return rows.length > 0;
  }

  /** Records that the credential was used, at most once a minute. */
  touch(credential: Pick<FederatedCredential, 'id' | 'lastUsedAt'>): Promise<void> {
    return touchLastUsed(this.sql, TOUCH, credential);
  }

  /**
   * Records a token id exchanged under the credential, kept until `expiresAt`. False when it
   * was recorded before: a replay (RFC 7523 §3).
   */
  async recordJti(credentialId: string, jti: string, expiresAt: Date): Promise<boolean> {
    try {
      await inTransaction(this.dataSource, (manager) =>
        manager.insert(FederatedAssertionJtiEntity, { credentialId, jti, expiresAt }),
      );
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Forgets the token ids whose assertions expired before `now`. */
  async purgeExpiredJtis(now: Date): Promise<void> {
    await this.dataSource
      .getRepository(FederatedAssertionJtiEntity)
      .delete({ expiresAt: LessThan(now) });
  }
}

function credentialOf(row: FederatedCredentialEntity): FederatedCredential {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    issuer: row.issuer,
    subject: row.subject,
    audience: row.audience,
    jwksUri: row.jwksUri,
    accessTokenLifetimeMinutes: row.accessTokenLifetimeMinutes,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}
