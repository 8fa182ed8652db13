import { Logger } from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { CacheInvalidation } from './cache-invalidation';

/** The NOTIFY channel every Rollcall process on one PostgreSQL database listens on. */
export const CACHE_INVALIDATION_CHANNEL = 'rollcall_cache';
/** How the listening connection shows in pg_stat_activity. */
export const CACHE_LISTENER_APPLICATION_NAME = 'rollcall-cache-listener';

const RECONNECT_FIRST_MS = 100;
const RECONNECT_MAX_MS = 5_000;

/**
 * PostgreSQL: `pg_notify` in the writer's transaction (delivered at commit, not at all on
 * rollback) and one LISTEN connection per process, opened on first use. While that
 * connection is down the process is not coherent, so caches read the database on every
 * request; it is reopened with back-off, and once listening again every listener is called,
 * since notifications sent meanwhile are lost.
 */
export class PostgresCacheInvalidation extends CacheInvalidation {
  private readonly logger = new Logger('CacheInvalidation');
  private client: Client | undefined;
  private listening = false;
  private started = false;
  private closed = false;
  private failures = 0;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    dataSource: DataSource,
    private readonly connection: ClientConfig,
  ) {
    super(dataSource);
  }

  get coherent(): boolean {
    this.start();
    return this.listening;
  }

  protected async signal(manager: EntityManager, topic: string): Promise<void> {
    await manager.query('SELECT pg_notify($1, $2)', [CACHE_INVALIDATION_CHANNEL, topic]);
  }

  /** Notifications arrive on their own; this only makes sure the listener is started. */
  sync(): void {
    this.start();
  }

  override subscribe(topic: string, listener: () => void): () => void {
    this.start();
    return super.subscribe(topic, listener);
  }

  override async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    const client = this.client;
    this.client = undefined;
    this.listening = false;
    if (client) await client.end().catch(() => undefined);
  }

  private start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    void this.connect();
  }

  private async connect(): Promise<void> {
    const client = new Client({
      ...this.connection,
      application_name: CACHE_LISTENER_APPLICATION_NAME,
      keepAlive: true,
    });
    this.client = client;
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => {
      if (this.client !== client || message.channel !== CACHE_INVALIDATION_CHANNEL) return;
      if (message.payload) this.fire(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_INVALIDATION_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return;
    if (this.failures > 0) this.logger.log('Listening for cache invalidations again');
    this.failures = 0;
    this.listening = true;
    // Whatever was announced while nobody listened is unknown: forget everything.
    this.fireAll();
  }

  private lost(client: Client, error?: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.listening = false;
    // A late error of the dead client must not become an unhandled 'error' event.
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.closed) return;
    if (this.failures === 0) {
      this.logger.warn(
        { err: error },
        'Not listening for cache invalidations; caches read the database until reconnected',
      );
    }
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** this.failures);
    this.failures += 1;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, delay);
    this.retry.unref();
  }
}
