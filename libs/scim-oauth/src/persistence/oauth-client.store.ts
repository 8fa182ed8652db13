import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, MoreThan } from 'typeorm';
import { SCIM_CREDENTIALS_TOPIC } from '@rollcall/organizations';
import {
  CacheInvalidation,
  SqlRunner,
  SqlStatement,
  appendEvents,
  executorOf,
  managerOf,
  type Tx,
} from '@rollcall/db';
import { credentialEvent } from '../domain/credential.events';
import type { NewOAuthClientSecret, OAuthClient, OAuthClientSecret } from '../domain/oauth-client';
import { lastUsedUpdate, touchLastUsed } from './last-used.touch';
import {
  clientOf,
  grantOf,
  secretOf,
  type GrantRow,
  type OAuthClientGrant,
} from './oauth-client.mapper';
import { OAuthClientSecretEntity } from './oauth-client-secret.entity';
import { OAuthClientEntity } from './oauth-client.entity';

// The token endpoint: both unique indexes (client_id, secret_hash) pin the row; a revoked
// or expired half answers nothing, as an unknown one does.
const FIND_GRANT = new SqlStatement(
  `SELECT c.id, c.organization_id, c.client_id, c.name, c.access_token_lifetime_minutes,
     c.created_at, c.last_used_at, s.id AS secret_id, s.prefix AS secret_prefix,
     s.created_at AS secret_created_at, s.expires_at AS secret_expires_at,
     s.last_used_at AS secret_last_used_at
   FROM scim_oauth_clients c JOIN scim_oauth_client_secrets s ON s.oauth_client_id = c.id
   WHERE c.client_id = ? AND c.revoked_at IS NULL
     AND s.secret_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ?`,
);
const FIND_LIVE = new SqlStatement(
  `SELECT id FROM scim_oauth_clients WHERE id = ? AND organization_id = ? AND revoked_at IS NULL`,
);
const FIND_LIVE_SECRET = new SqlStatement(
  `SELECT s.expires_at FROM scim_oauth_clients c
   JOIN scim_oauth_client_secrets s ON s.oauth_client_id = c.id
   WHERE c.id = ? AND c.organization_id = ? AND c.revoked_at IS NULL
     AND s.id = ? AND s.revoked_at IS NULL AND s.expires_at > ?`,
);
const TOUCH_CLIENT = lastUsedUpdate('scim_oauth_clients');
const TOUCH_SECRET = lastUsedUpdate('scim_oauth_client_secrets');

/**
 * All SQL on `scim_oauth_clients` and `scim_oauth_client_secrets`. Every change appends its
 * credential event, and a revocation is announced on the `scim-credentials` topic, in the
 * caller's transaction.
 */
@Injectable()
export class OAuthClientStore {
  private readonly sql: SqlRunner;

  constructor(
    private readonly dataSource: DataSource,
    private readonly invalidation: CacheInvalidation,
  ) {
    this.sql = new SqlRunner(dataSource);
  }

  /** A new client with its first secret. */
  async create(
    tx: Tx,
    client: OAuthClient,
    secret: NewOAuthClientSecret,
    actor: string,
  ): Promise<void> {
    const manager = managerOf(tx);
    await manager.insert(OAuthClientEntity, { ...client });
    await manager.insert(OAuthClientSecretEntity, { ...secret });
    appendEvents(tx, [
      credentialEvent('credential.created', client.organizationId, actor, {
        kind: 'oauth_client',
        id: client.id,
        name: client.name,
        clientId: client.clientId,
      }),
    ]);
  }

  /** One client of the organization; another organization's id finds nothing. */
  async findInOrganization(
    tx: Tx,
    organizationId: string,
    id: string,
  ): Promise<OAuthClient | null> {
    const row = await managerOf(tx).findOne(OAuthClientEntity, { where: { id, organizationId } });
    return row ? clientOf(row) : null;
  }

  /** The organization's clients, newest first. */
  async listInOrganization(organizationId: string): Promise<OAuthClient[]> {
    const rows = await this.dataSource.getRepository(OAuthClientEntity).find({
      where: { organizationId },
      order: { createdAt: 'DESC' },
    });
    return rows.map(clientOf);
  }

  /** Writes a client's name and access token lifetime. */
  async update(tx: Tx, client: OAuthClient, actor: string): Promise<void> {
    await managerOf(tx).update(
      OAuthClientEntity,
      { id: client.id },
      { name: client.name, accessTokenLifetimeMinutes: client.accessTokenLifetimeMinutes },
    );
    appendEvents(tx, [
      credentialEvent('credential.updated', client.organizationId, actor, {
        kind: 'oauth_client',
        id: client.id,
        name: client.name,
        clientId: client.clientId,
      }),
    ]);
  }

  /** Revokes a live client: every process refuses its tokens from its next request. */
  async revoke(tx: Tx, client: OAuthClient, at: Date, actor: string): Promise<void> {
    const manager = managerOf(tx);
    await manager.update(OAuthClientEntity, { id: client.id }, { revokedAt: at });
    await this.invalidation.announce(manager, SCIM_CREDENTIALS_TOPIC);
    appendEvents(tx, [
      credentialEvent('credential.revoked', client.organizationId, actor, {
        kind: 'oauth_client',
        id: client.id,
        name: client.name,
        clientId: client.clientId,
      }),
    ]);
  }

  /** The secrets of these clients, in no particular order. */
  async secretsOf(oauthClientIds: readonly string[], tx?: Tx): Promise<OAuthClientSecret[]> {
    if (oauthClientIds.length === 0) return [];
    const rows = await executorOf(tx, this.dataSource).find(OAuthClientSecretEntity, {
      where: { oauthClientId: In([...oauthClientIds]) },
    });
    return rows.map(secretOf);
  }

  /** How many secrets of the client are neither revoked nor expired at `now`. */
  countLiveSecrets(tx: Tx, oauthClientId: string, now: Date): Promise<number> {
    return managerOf(tx).count(OAuthClientSecretEntity, {
      where: { oauthClientId, revokedAt: IsNull(), expiresAt: MoreThan(now) },
    });
  }

  /** A further secret for a client. */
  async addSecret(
    tx: Tx,
    client: OAuthClient,
    secret: NewOAuthClientSecret,
    actor: string,
  ): Promise<void> {
    await managerOf(tx).insert(OAuthClientSecretEntity, { ...secret });
    appendEvents(tx, [
      credentialEvent('credential.created', client.organizationId, actor, {
        kind: 'oauth_client_secret',
        id: secret.id,
        clientId: client.clientId,
      }),
    ]);
  }

  /** One secret of the client; another client's secret finds nothing. */
  async findSecret(tx: Tx, oauthClientId: string, id: string): Promise<OAuthClientSecret | null> {
    const row = await managerOf(tx).findOne(OAuthClientSecretEntity, {
      where: { id, oauthClientId },
    });
    return row ? secretOf(row) : null;
  }

  /** Revokes a live secret: the tokens issued with it stop working in every process. */
  async revokeSecret(
    tx: Tx,
    client: OAuthClient,
    secret: OAuthClientSecret,
    at: Date,
    actor: string,
  ): Promise<void> {
    const manager = managerOf(tx);
    await manager.update(OAuthClientSecretEntity, { id: secret.id }, { revokedAt: at });
    await this.invalidation.announce(manager, SCIM_CREDENTIALS_TOPIC);
    appendEvents(tx, [
      credentialEvent('credential.revoked', client.organizationId, actor, {
        kind: 'oauth_client_secret',
        id: secret.id,
        clientId: client.clientId,
      }),
    ]);
  }

  /** A live client by its public id with a live secret of this hash, or null. */
  async findGrant(
    clientId: string,
    secretHash: string,
    now: Date,
  ): Promise<OAuthClientGrant | null> {
    const v = this.sql.values;
    const rows = await this.sql.run<GrantRow>(undefined, FIND_GRANT, [
      clientId,
      secretHash,
      v.timestamp(now),
    ]);
    const row = rows[0];
    return row ? grantOf(row, v) : null;
  }

  /** Whether the organization's client is not revoked. */
  async isLive(organizationId: string, id: string): Promise<boolean> {
    const rows = await this.sql.run(undefined, FIND_LIVE, [id, organizationId]);
    return rows.length > 0;
  }

  /**
   * When the secret of the organization's live client expires, if the secret is live at
   * `now`; null when the client or the secret is revoked, expired or unknown.
   */
  async liveSecretExpiry(
    organizationId: string,
    id: string,
    secretId: string,
    now: Date,
  ): Promise<Date | null> {
    const v = this.sql.values;
    const rows = await this.sql.run<{ expires_at: unknown }>(undefined, FIND_LIVE_SECRET, [
      id,
      organizationId,
      secretId,
      v.timestamp(now),
    ]);
    const row = rows[0];
    return row ? v.readDate(row.expires_at) : null;
  }

  /** Records that the client was used, at most once a minute. */
  touch(client: Pick<OAuthClient, 'id' | 'lastUsedAt'>): Promise<void> {
    return touchLastUsed(this.sql, TOUCH_CLIENT, client);
  }

  /** Records that the secret was used, at most once a minute. */
  touchSecret(secret: Pick<OAuthClientSecret, 'id' | 'lastUsedAt'>): Promise<void> {
    return touchLastUsed(this.sql, TOUCH_SECRET, secret);
  }
}
