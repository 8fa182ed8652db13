import { Injectable } from '@nestjs/common';
import { CacheInvalidation } from '@rollcall/db';
import { SCIM_CREDENTIALS_TOPIC } from '../domain/scim-credentials.topic';
import type { ScimPrincipal } from '../domain/scim-token';
import { hashScimToken } from '../domain/scim-token.secret';
import { ScimTokenStore } from '../persistence/scim-token.store';

/** Last-used is a hint for admins, not an audit trail: one write a minute per token is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;
/**
 * A safety net only: revocations and provisioning switched off reach every process through
 * CacheInvalidation before the next request, so an entry is not trusted on time alone.
 */
export const SCIM_TOKEN_CACHE_TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

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

  constructor(
    private readonly tokens: ScimTokenStore,
    private readonly invalidation: CacheInvalidation,
  ) {}

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
    const found = await this.tokens.findLiveByHash(hash);
    if (!found) return null;
    const touchedAt = found.lastUsedAt?.getTime() ?? 0;
    return { principal: found.principal, touchedAt: Number.isNaN(touchedAt) ? 0 : touchedAt };
  }

  private async touch(live: Live): Promise<void> {
    const now = Date.now();
    if (now - live.touchedAt < LAST_USED_RESOLUTION_MS) return;
    // Claimed before the write, so the requests of one entry write it once a minute.
    live.touchedAt = now;
    await this.tokens.touch(
      live.principal.tokenId,
      new Date(now),
      new Date(now - LAST_USED_RESOLUTION_MS),
    );
  }
}
