import { Injectable } from '@nestjs/common';
import { CacheInvalidation } from '@rollcall/db';
import type { ApiKeyPrincipal } from '../domain/api-key';
import { API_KEY_MARKER, hashApiKey } from '../domain/api-key.secret';
import { API_KEYS_TOPIC } from '../domain/api-keys.topic';
import { ApiKeyStore, type StoredApiKey } from '../persistence/api-key.store';

/** Last-used is a hint for admins, not an audit trail: one write a minute per key is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;
/**
 * A safety net only: revocations reach every process through CacheInvalidation before the
 * next request, so an entry is not trusted on time alone.
 */
export const API_KEY_CACHE_TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface Live {
  stored: StoredApiKey;
  /** When last_used_at was last written (or read), so it is written once a minute at most. */
  touchedAt: number;
}

interface Entry {
  loadedAt: number;
  live: Promise<Live | null>;
}

/**
 * The key behind `Authorization: Bearer rck_…`, cached per process like SCIM tokens (see
 * AuthenticateScimToken): hash → key, shared first lookup, cleared by the `api-keys` signal
 * on revocation. Expiry is checked on every request, so a cached key stops at its expiry.
 */
@Injectable()
export class AuthenticateApiKey {
  private readonly entries = new Map<string, Entry>();
  private subscribed = false;

  constructor(
    private readonly store: ApiKeyStore,
    private readonly invalidation: CacheInvalidation,
  ) {}

  /** The principal of a live, unexpired key, else null. */
  async execute(key: string): Promise<ApiKeyPrincipal | null> {
    // Anything else (a SCIM token, a random string) is refused without a database read.
    if (!key.startsWith(API_KEY_MARKER)) return null;
    const live = await this.resolve(hashApiKey(key));
    if (!live) return null;
    const now = Date.now();
    const { expiresAt } = live.stored;
    if (expiresAt && expiresAt.getTime() <= now) return null;
    await this.touch(live, now);
    return live.stored.principal;
  }

  private resolve(hash: string): Promise<Live | null> {
    if (!this.subscribed) {
      // On first use, so that a process that never authenticates (the CLI) never listens.
      this.invalidation.subscribe(API_KEYS_TOPIC, () => this.entries.clear());
      this.subscribed = true;
    }
    this.invalidation.sync();
    if (!this.invalidation.coherent) return this.read(hash);
    const now = Date.now();
    const cached = this.entries.get(hash);
    if (cached && now - cached.loadedAt < API_KEY_CACHE_TTL_MS) return cached.live;
    if (cached) this.entries.delete(hash);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    // Stored before the read ends, so concurrent first requests share it; misses are not kept.
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
    const stored = await this.store.findLiveByHash(hash);
    if (!stored) return null;
    return { stored, touchedAt: stored.lastUsedAt?.getTime() ?? 0 };
  }

  private async touch(live: Live, now: number): Promise<void> {
    if (now - live.touchedAt < LAST_USED_RESOLUTION_MS) return;
    // Claimed before the write, so the requests of one entry write it once a minute.
    live.touchedAt = now;
    await this.store.touch(
      live.stored.principal.keyId,
      new Date(now),
      new Date(now - LAST_USED_RESOLUTION_MS),
    );
  }
}
