import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CacheInvalidation,
  SqlStatement,
  appendEvents,
  dialectOf,
  isUniqueViolation,
  managerOf,
  sqlValues,
  type SqlValues,
  type Tx,
} from '@rollcall/db';
import type { SqlDialect } from '@rollcall/db';
import { ApiKeyError } from '../domain/api-key.error';
import type { ApiKeyPrincipal, ApiKeyScope, ApiKeySummary } from '../domain/api-key';
import { API_KEYS_TOPIC } from '../domain/api-keys.topic';

export interface NewApiKey {
  id: string;
  organizationId: string;
  name: string;
  scope: ApiKeyScope;
  keyHash: string;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
}

/** A live (not revoked) key found by its hash; expiry is checked by the caller, per request. */
export interface StoredApiKey {
  principal: ApiKeyPrincipal;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}

export type ApiKeyRevocation = 'revoked' | 'already-revoked' | 'not-found';

interface ApiKeyRow {
  id: string;
  organization_id: string;
  name: string;
  scope: ApiKeyScope;
  prefix: string;
  created_by: string;
  created_at: unknown;
  last_used_at: unknown;
  expires_at: unknown;
  revoked_at: unknown;
}

const COLUMNS = `id, organization_id, name, scope, prefix, created_by, created_at, last_used_at,
  expires_at, revoked_at`;

const INSERT = new SqlStatement(
  `INSERT INTO api_keys (id, organization_id, name, scope, key_hash, prefix, created_by,
     created_at, expires_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const LIST = new SqlStatement(
  `SELECT ${COLUMNS} FROM api_keys WHERE organization_id = ? ORDER BY created_at DESC, id DESC`,
);
const FIND_LIVE_BY_HASH = new SqlStatement(
  `SELECT ${COLUMNS} FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL`,
);
const FIND_IN_ORGANIZATION = new SqlStatement(
  `SELECT id, revoked_at FROM api_keys WHERE id = ? AND organization_id = ?`,
);
const REVOKE = new SqlStatement(
  `UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`,
);
// Conditional, so concurrent requests of one key (other workers too) write it once a minute.
const TOUCH = new SqlStatement(
  `UPDATE api_keys SET last_used_at = ?
   WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)`,
);

/** All SQL on `api_keys`, and the events of API keys. */
@Injectable()
export class ApiKeyStore {
  private readonly dialect: SqlDialect;
  private readonly values: SqlValues;

  constructor(
    private readonly dataSource: DataSource,
    private readonly invalidation: CacheInvalidation,
  ) {
    this.dialect = dialectOf(dataSource);
    this.values = sqlValues(this.dialect);
  }

  /** Stores a new key, with its api_key.created event. */
  async insert(tx: Tx, key: NewApiKey, actor: string): Promise<void> {
    const v = this.values;
    try {
      await managerOf(tx).query(INSERT.text(this.dialect), [
        key.id,
        key.organizationId,
        key.name,
        key.scope,
        key.keyHash,
        key.prefix,
        key.createdBy,
        v.timestamp(key.createdAt),
        v.timestampOrNull(key.expiresAt),
      ]);
    } catch (error) {
      // The hash is 256 random bits: only the live-name index can be hit.
      if (isUniqueViolation(error)) {
        throw new ApiKeyError(
          'API_KEY_NAME_TAKEN',
          'A live API key of this organization already has this name.',
        );
      }
      throw error;
    }
    appendEvents(tx, [
      {
        organizationId: key.organizationId,
        type: 'api_key.created',
        actor,
        subject: { type: 'api_key', id: key.id },
        data: {
          apiKey: {
            id: key.id,
            name: key.name,
            scope: key.scope,
            prefix: key.prefix,
            expiresAt: key.expiresAt?.toISOString() ?? null,
          },
        },
      },
    ]);
  }

  async list(organizationId: string): Promise<ApiKeySummary[]> {
    const rows: ApiKeyRow[] = await this.dataSource.query(LIST.text(this.dialect), [
      organizationId,
    ]);
    return rows.map((row) => this.summaryOf(row));
  }

  async findLiveByHash(keyHash: string): Promise<StoredApiKey | null> {
    const rows: ApiKeyRow[] = await this.dataSource.query(FIND_LIVE_BY_HASH.text(this.dialect), [
      keyHash,
    ]);
    const row = rows[0];
    if (!row) return null;
    return {
      principal: {
        keyId: row.id,
        organizationId: row.organization_id,
        name: row.name,
        scope: row.scope,
        prefix: row.prefix,
      },
      lastUsedAt: this.values.readDateOrNull(row.last_used_at),
      expiresAt: this.values.readDateOrNull(row.expires_at),
    };
  }

  /**
   * Revokes a key of the organization, with its api_key.revoked event; every process refuses
   * it from its next request on (see CacheInvalidation). Another organization's key is not
   * found; a key revoked already stays as it is, with no second event.
   */
  async revoke(
    tx: Tx,
    organizationId: string,
    id: string,
    actor: string,
    at: Date,
  ): Promise<ApiKeyRevocation> {
    const manager = managerOf(tx);
    const found: { id: string; revoked_at: unknown }[] = await manager.query(
      FIND_IN_ORGANIZATION.text(this.dialect),
      [id, organizationId],
    );
    const row = found[0];
    if (!row) return 'not-found';
    if (row.revoked_at !== null && row.revoked_at !== undefined) return 'already-revoked';
    await manager.query(REVOKE.text(this.dialect), [this.values.timestamp(at), id]);
    await this.invalidation.announce(manager, API_KEYS_TOPIC);
    appendEvents(tx, [
      {
        organizationId,
        type: 'api_key.revoked',
        actor,
        subject: { type: 'api_key', id },
        data: { apiKey: { id } },
      },
    ]);
    return 'revoked';
  }

  /** Sets last_used_at to `at` unless it was written after `stale`. */
  async touch(id: string, at: Date, stale: Date): Promise<void> {
    const v = this.values;
    await this.dataSource.query(TOUCH.text(this.dialect), [
      v.timestamp(at),
      id,
      v.timestamp(stale),
    ]);
  }

  private summaryOf(row: ApiKeyRow): ApiKeySummary {
    const v = this.values;
    return {
      id: row.id,
      name: row.name,
      scope: row.scope,
      prefix: row.prefix,
      createdBy: row.created_by,
      createdAt: v.readDate(row.created_at),
      lastUsedAt: v.readDateOrNull(row.last_used_at),
      expiresAt: v.readDateOrNull(row.expires_at),
      revokedAt: v.readDateOrNull(row.revoked_at),
    };
  }
}
