import { Injectable } from '@nestjs/common';
import { Brackets, DataSource } from 'typeorm';
import { CacheInvalidation, dialectOf } from '@rollcall/db';
import { SCIM_CREDENTIALS_TOPIC } from '../domain/scim-credentials.topic';
import { hashScimToken } from '../domain/scim-token.secret';
import { ScimTokenEntity } from '../persistence/scim-token.entity';

/** Who is calling the SCIM API: an organization, through one of its tokens. */
export interface ScimPrincipal {
  organizationId: string;
  tokenId: string;
  tokenPrefix: string;
}

/** Last-used is a hint for admins, not an audit trail: one write a minute per token is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;
/**
 * A safety net only: revocations and provisioning switched off reach every process through
 * CacheInvalidation before the next request, so an entry is not trusted on time alone.
 */
export const SCIM_TOKEN_CACHE_TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface TokenRow {
  id: string;
  organization_id: string;
  prefix: string;
  last_used_at: Date | string | null;
}

interface Live {
  principal: ScimPrincipal;
  /** When last_used_at was last written (or read), so it is written once a minute at most. */
  touchedAt: number;
}

interface Entry {
  loadedAt: number;
  live: Promise<Live | null>;
}

@Injectable()
export class AuthenticateScimToken {
  /** Token hash → principal; never a miss (unknown tokens are rate limited at the edge). */
  private readonly entries = new Map<string, Entry>();
  private subscribed = false;
  private readonly statement: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly invalidation: CacheInvalidation,
  ) {
    const postgres = dialectOf(dataSource) === 'postgres';
    this.statement = `SELECT t.id, t.organization_id, t.prefix, t.last_used_at
      FROM scim_tokens t JOIN organizations o ON o.id = t.organization_id
      WHERE t.token_hash = ${postgres ? '$1' : '?'} AND t.revoked_at IS NULL
        AND o.scim_enabled = ${postgres ? 'true' : '1'}`;
  }

  /** The principal for a live token of an organization with provisioning on, else null. */
  async execute(token: string): Promise<ScimPrincipal | null> {
    if (!token) return null;
    const hash = hashScimToken(token);
    const live = await this.resolve(hash);
    if (!live) return null;
    await this.touch(live);
    return live.principal;
  }

  private resolve(hash: string): Promise<Live | null> {
    if (!this.subscribed) {
      // On first use, so that a process that never authenticates (the CLI) never listens.
      this.invalidation.subscribe(SCIM_CREDENTIALS_TOPIC, () => this.entries.clear());
      this.subscribed = true;
    }
    this.invalidation.sync();
    if (!this.invalidation.coherent) return this.read(hash);
    const now = Date.now();
    const cached = this.entries.get(hash);
    if (cached && now - cached.loadedAt < SCIM_TOKEN_CACHE_TTL_MS) return cached.live;
    if (cached) this.entries.delete(hash);
    if (this.entries.size >= MAX_ENTRIES) {
      // Map order is insertion order: the oldest entry goes.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    // Stored before the read ends, so concurrent first requests share it.
    const entry: Entry = { loadedAt: now, live: this.read(hash) };
    this.entries.set(hash, entry);
    entry.live.then(
      (live) => {
        if (!live) this.forget(hash, entry);
      },
      () => this.forget(hash, entry),
    );
    return entry.live;
  }

  private forget(hash: string, entry: Entry): void {
    if (this.entries.get(hash) === entry) this.entries.delete(hash);
  }

  private async read(hash: string): Promise<Live | null> {
    const rows: TokenRow[] = await this.dataSource.query(this.statement, [hash]);
    const row = rows[0];
    if (!row) return null;
    return {
      principal: { organizationId: row.organization_id, tokenId: row.id, tokenPrefix: row.prefix },
      touchedAt: row.last_used_at === null ? 0 : timestampOf(row.last_used_at),
    };
  }

  private async touch(live: Live): Promise<void> {
    const now = Date.now();
    if (now - live.touchedAt < LAST_USED_RESOLUTION_MS) return;
    // Claimed before the write, so the requests of one entry write it once a minute.
    live.touchedAt = now;
    const stale = new Date(now - LAST_USED_RESOLUTION_MS);
    // Conditional, so concurrent requests of one token (other workers too) write it once. A
    // lost update here only delays the hint, so it does not queue behind other writers'
    // transactions.
    await this.dataSource
      .createQueryBuilder()
      .update(ScimTokenEntity)
      .set({ lastUsedAt: new Date(now) })
      .where('id = :id', { id: live.principal.tokenId })
      .andWhere(
        new Brackets((qb) =>
          qb.where('last_used_at IS NULL').orWhere('last_used_at < :stale', { stale }),
        ),
      )
      .execute();
  }
}

/** PostgreSQL returns timestamptz as a Date; SQLite keeps TypeORM's UTC `YYYY-MM-DD hh:mm:ss.SSS`. */
function timestampOf(value: Date | string): number {
  if (value instanceof Date) return value.getTime();
  const time = Date.parse(value.includes('T') ? value : `${value.replace(' ', 'T')}Z`);
  return Number.isNaN(time) ? 0 : time;
}
