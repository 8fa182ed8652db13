import { Logger, type OnModuleDestroy } from '@nestjs/common';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

export type InvalidationListener = () => void;

/**
 * Tells every process on the database (workers, replicas, the CLI) that something cached
 * from it changed, so a short-lived cache can keep what it read and still refuse a revoked
 * credential on the very next request.
 *
 * A writer calls `announce` inside the transaction that makes the change: the signal exists
 * if and only if the change committed. A cache subscribes to a topic, calls `sync()` before
 * it trusts its memory, and reads the database instead whenever `coherent` is false (it
 * cannot know then what it missed); each listener of a topic is called when the topic moved,
 * and every listener when the process may have missed something.
 */
export abstract class CacheInvalidation implements OnModuleDestroy {
  private readonly listeners = new Map<string, Set<InvalidationListener>>();
  /** Topics announced in a transaction of this process that has not ended yet. */
  private readonly pending = new WeakMap<QueryRunner, Set<string>>();

  constructor(dataSource: DataSource) {
    // This process's own caches hear of its commits at once, without the round trip that
    // brings other processes the news.
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: ({ queryRunner }) => this.settle(queryRunner, true),
      afterTransactionRollback: ({ queryRunner }) => this.settle(queryRunner, false),
    };
    dataSource.subscribers.push(subscriber);
  }

  /**
   * Records that `topic` changed, in the transaction of `manager`: other processes learn of
   * it if and only if the transaction commits, this one right after the commit.
   */
  async announce(manager: EntityManager, topic: string): Promise<void> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      throw new Error('announce() belongs inside the transaction that makes the change.');
    }
    await this.signal(manager, topic);
    const topics = this.pending.get(runner) ?? new Set<string>();
    topics.add(topic);
    this.pending.set(runner, topics);
  }

  /** Writes the signal for other processes, in the transaction of `manager`. */
  protected abstract signal(manager: EntityManager, topic: string): Promise<void>;

  /** Catches up with signals from other processes; cheap enough to call on every request. */
  abstract sync(): void;

  /** False while this process could be missing signals: caches must not trust memory. */
  abstract get coherent(): boolean;

  /** Calls `listener` whenever `topic` changes; returns the unsubscribe function. */
  subscribe(topic: string, listener: InvalidationListener): () => void {
    let set = this.listeners.get(topic);
    if (!set) {
      set = new Set();
      this.listeners.set(topic, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  /** Stops listening (a no-op where there is nothing to stop). */
  async close(): Promise<void> {
    // Nothing to release by default.
  }

  private settle(runner: QueryRunner, committed: boolean): void {
    // A savepoint released or rolled back is not the end of the transaction.
    if (runner.isTransactionActive) return;
    const topics = this.pending.get(runner);
    if (!topics) return;
    this.pending.delete(runner);
    if (committed) for (const topic of topics) this.fire(topic);
  }

  protected fire(topic: string): void {
    for (const listener of this.listeners.get(topic) ?? []) callSafely(listener);
  }

  protected fireAll(): void {
    for (const set of this.listeners.values()) for (const listener of set) callSafely(listener);
  }
}

const logger = new Logger('CacheInvalidation');

function callSafely(listener: InvalidationListener): void {
  try {
    listener();
  } catch (error) {
    logger.error({ err: error }, 'A cache invalidation listener failed');
  }
}
