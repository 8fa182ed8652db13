import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CacheInvalidation,
  SqlRunner,
  SqlStatement,
  appendEvents,
  inIdList,
  managerOf,
  type Tx,
} from '@rollcall/db';
import type { LiveScimToken, ScimPrincipal, ScimTokenSummary } from '../domain/scim-token';
import { SCIM_CREDENTIALS_TOPIC } from '../domain/scim-credentials.topic';

export interface NewScimToken {
  id: string;
  organizationId: string;
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  tokenHash: string;
  prefix: string;
  label: string | null;
  createdAt: Date;
}

/** A live token of an organization with provisioning on, found by its hash. */
export interface AuthenticatedScimToken {
  principal: ScimPrincipal;
  lastUsedAt: Date | null;
}

interface SummaryRow {
  id: string;
  prefix: string;
  label: string | null;
  created_at: unknown;
  last_used_at: unknown;
  revoked_at: unknown;
}

interface LiveRow {
  id: string;
  organization_id: string;
  prefix: string;
  label: string | null;
}

const SUMMARY_COLUMNS = 'id, prefix, label, created_at, last_used_at, revoked_at';
const LIST = new SqlStatement(
  `SELECT ${SUMMARY_COLUMNS} FROM scim_tokens WHERE organization_id = ? ORDER BY created_at DESC`,
);
const LIST_LIVE = new SqlStatement(
  `SELECT ${SUMMARY_COLUMNS} FROM scim_tokens WHERE organization_id = ? AND revoked_at IS NULL`,
);
const COUNT_LIVE = new SqlStatement(
  'SELECT COUNT(*) AS total FROM scim_tokens WHERE organization_id = ? AND revoked_at IS NULL',
);
const INSERT = new SqlStatement(
  `INSERT INTO scim_tokens (id, organization_id, token_hash, prefix, label, created_at,
     last_used_at, revoked_at)
   VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)`,
);
const FIND_LIVE = new SqlStatement(
  `SELECT id, organization_id, prefix, label FROM scim_tokens
   WHERE (id = ? OR prefix = ?) AND revoked_at IS NULL LIMIT 2`,
);
const FIND_LIVE_IN_ORGANIZATION = new SqlStatement(
  `SELECT id, organization_id, prefix, label FROM scim_tokens
   WHERE (id = ? OR prefix = ?) AND revoked_at IS NULL AND organization_id = ? LIMIT 2`,
);
const REVOKE = new SqlStatement('UPDATE scim_tokens SET revoked_at = ? WHERE id = ?');
// Conditional, so concurrent requests of one token (other workers too) write it once.
const TOUCH = new SqlStatement(
  `UPDATE scim_tokens SET last_used_at = ?
   WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)`,
);

/** All SQL on `scim_tokens`, and the credential events of Secret Tokens. */
@Injectable()
export class ScimTokenStore {
  private readonly sql: SqlRunner;
  private readonly authenticate: SqlStatement;
  private readonly revokeMany: SqlStatement;

  constructor(
    dataSource: DataSource,
    private readonly invalidation: CacheInvalidation,
  ) {
    this.sql = new SqlRunner(dataSource);
    const dialect = this.sql.dialect;
    // Every SCIM request without a cached token runs this: one indexed read, provisioning
    // checked in the same statement.
    this.authenticate = new SqlStatement(
      `SELECT t.id, t.organization_id, t.prefix, t.last_used_at
      FROM scim_tokens t JOIN organizations o ON o.id = t.organization_id
      WHERE t.token_hash = ? AND t.revoked_at IS NULL
        AND o.scim_enabled = ${dialect === 'postgres' ? 'true' : '1'}`,
    );
    this.revokeMany = new SqlStatement(
      `UPDATE scim_tokens SET revoked_at = ? WHERE ${inIdList('id', dialect)}`,
    );
  }

  /** The live token with this hash, of an organization with provisioning on, else null. */
  async findLiveByHash(tokenHash: string): Promise<AuthenticatedScimToken | null> {
    const rows = await this.sql.run<LiveRow & { last_used_at: unknown }>(
      undefined,
      this.authenticate,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      principal: { organizationId: row.organization_id, tokenId: row.id, tokenPrefix: row.prefix },
      lastUsedAt: this.sql.values.readDateOrNull(row.last_used_at),
    };
  }

  /**
   * Sets last_used_at to `at` unless it was written after `stale`. Outside any transaction:
   * a lost update only delays the hint, so it does not queue behind other writers.
   */
  async touch(id: string, at: Date, stale: Date): Promise<void> {
    const v = this.sql.values;
    await this.sql.run(undefined, TOUCH, [v.timestamp(at), id, v.timestamp(stale)]);
  }

  /** The organization's tokens, newest first, revoked ones too. */
  async list(organizationId: string): Promise<ScimTokenSummary[]> {
    const rows = await this.sql.run<SummaryRow>(undefined, LIST, [organizationId]);
    return rows.map((row) => this.summaryOf(row));
  }

  async listLive(tx: Tx, organizationId: string): Promise<ScimTokenSummary[]> {
    const rows = await this.sql.run<SummaryRow>(tx, LIST_LIVE, [organizationId]);
    return rows.map((row) => this.summaryOf(row));
  }

  async countLive(tx: Tx, organizationId: string): Promise<number> {
    const rows = await this.sql.run<{ total: unknown }>(tx, COUNT_LIVE, [organizationId]);
    return this.sql.values.readCount(rows[0]?.total ?? 0);
  }

  /** Stores a new token, with its credential.created event. */
  async issue(tx: Tx, token: NewScimToken, actor: string): Promise<void> {
    await this.sql.run(tx, INSERT, [
      token.id,
      token.organizationId,
      token.tokenHash,
      token.prefix,
      token.label,
      this.sql.values.timestamp(token.createdAt),
    ]);
    appendEvents(tx, [
      {
        organizationId: token.organizationId,
        type: 'credential.created',
        actor,
        subject: { type: 'credential', id: token.id },
        data: {
          credential: {
            kind: 'scim_token',
            id: token.id,
            prefix: token.prefix,
            label: token.label,
          },
        },
      },
    ]);
  }

  /**
   * The live tokens whose id or visible prefix is `idOrPrefix`, of `organizationId` when given;
   * two at most, which is enough to tell one from several.
   */
  async findLive(tx: Tx, idOrPrefix: string, organizationId?: string): Promise<LiveScimToken[]> {
    const rows =
      organizationId === undefined
        ? await this.sql.run<LiveRow>(tx, FIND_LIVE, [idOrPrefix, idOrPrefix])
        : await this.sql.run<LiveRow>(tx, FIND_LIVE_IN_ORGANIZATION, [
            idOrPrefix,
            idOrPrefix,
            organizationId,
          ]);
    return rows.map((row) => ({
      id: row.id,
      organizationId: row.organization_id,
      prefix: row.prefix,
      label: row.label,
    }));
  }

  /**
   * Revokes the token, with its credential.revoked event; every process refuses it from its
   * next request on (see CacheInvalidation).
   */
  async revoke(tx: Tx, token: LiveScimToken, actor: string, at: Date): Promise<void> {
    await this.sql.run(tx, REVOKE, [this.sql.values.timestamp(at), token.id]);
    await this.invalidation.announce(managerOf(tx), SCIM_CREDENTIALS_TOPIC);
    appendEvents(tx, [
      {
        organizationId: token.organizationId,
        type: 'credential.revoked',
        actor,
        subject: { type: 'credential', id: token.id },
        data: {
          credential: {
            kind: 'scim_token',
            id: token.id,
            prefix: token.prefix,
            label: token.label,
          },
        },
      },
    ]);
  }

  /**
   * Revokes tokens nobody has used, which the demo organization's fresh credentials replace
   * at start. No signal: a token never used is in no cache. No event: no admin changed
   * anything, and the replacement's credential.created says what happened.
   */
  async revokeUnused(tx: Tx, ids: readonly string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.sql.run(tx, this.revokeMany, [
      this.sql.values.timestamp(at),
      this.sql.values.idList(ids),
    ]);
  }

  private summaryOf(row: SummaryRow): ScimTokenSummary {
    const v = this.sql.values;
    return {
      id: row.id,
      prefix: row.prefix,
      label: row.label,
      createdAt: v.readDate(row.created_at),
      lastUsedAt: v.readDateOrNull(row.last_used_at),
      revokedAt: v.readDateOrNull(row.revoked_at),
    };
  }
}
