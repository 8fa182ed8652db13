import type { Database, Statement } from 'better-sqlite3';
import type { DataSource, EntityManager } from 'typeorm';
import { CacheInvalidation } from './cache-invalidation';

/**
 * SQLite: a counter per topic in `cache_epochs`, bumped in the writer's transaction. Every
 * process on the file (workers, the CLI, a second server) reads the counters before it trusts
 * a cache, with one prepared statement on the driver's own handle: synchronous and a few
 * microseconds, since better-sqlite3 runs it in-process on a page that is almost always cached.
 */
export class SqliteCacheInvalidation extends CacheInvalidation {
  private statement: Statement<[], [string, number]> | undefined;
  private readonly seen = new Map<string, number>();
  private readable = true;

  constructor(private readonly dataSource: DataSource) {
    super(dataSource);
  }

  get coherent(): boolean {
    return this.readable;
  }

  protected async signal(manager: EntityManager, topic: string): Promise<void> {
    await manager.query(
      `INSERT INTO cache_epochs (topic, epoch) VALUES (?, 1)
       ON CONFLICT (topic) DO UPDATE SET epoch = cache_epochs.epoch + 1`,
      [topic],
    );
  }

  sync(): void {
    let rows: [string, number][];
    try {
      this.statement ??= this.handle()
        .prepare<[], [string, number]>('SELECT topic, epoch FROM cache_epochs')
        .raw(true);
      rows = this.statement.all();
    } catch {
      // Busy or closed: whatever was cached may be stale, and the caches read the database
      // (which answers the error properly) until a read works again.
      this.readable = false;
      this.fireAll();
      return;
    }
    this.readable = true;
    for (const [topic, epoch] of rows) {
      if (this.seen.get(topic) === epoch) continue;
      this.seen.set(topic, epoch);
      this.fire(topic);
    }
  }

  private handle(): Database {
    const { databaseConnection } = this.dataSource.driver as unknown as {
      databaseConnection?: Database;
    };
    if (!databaseConnection) throw new Error('The SQLite database is not open.');
    return databaseConnection;
  }
}
