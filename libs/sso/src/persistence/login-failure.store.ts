import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, LessThan, MoreThan, type EntityManager } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import type { ThrottleLimit } from '../domain/login-throttle.policy';
import { LoginFailureEntity } from './login-failure.entity';

/**
 * Failed sign-ins, in the database so every replica counts the same ones. Counting is a
 * bounded, indexed read: at most `maxFailures` rows per key.
 */
@Injectable()
export class LoginFailureStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The newest failures of a key within the limit's window, newest first. */
  async recent(throttleKey: string, limit: ThrottleLimit, now: Date): Promise<Date[]> {
    const rows = await this.dataSource.getRepository(LoginFailureEntity).find({
      select: { id: true, failedAt: true },
      where: { throttleKey, failedAt: MoreThan(new Date(now.getTime() - limit.windowMs)) },
      order: { failedAt: 'DESC' },
      take: limit.maxFailures,
    });
    return rows.map((row) => row.failedAt);
  }

  // In a transaction, so on SQLite's single connection the rows are not swept into another
  // request's open transaction (and lost with its rollback).
  record(throttleKeys: string[], failedAt: Date): Promise<void> {
    return inTransaction(this.dataSource, async (manager) => {
      await manager.insert(
        LoginFailureEntity,
        throttleKeys.map((throttleKey) => ({ id: randomUUID(), throttleKey, failedAt })),
      );
    });
  }

  async clearWithin(manager: EntityManager, throttleKeys: string[]): Promise<void> {
    await manager.delete(LoginFailureEntity, { throttleKey: In(throttleKeys) });
  }

  async purgeWithin(manager: EntityManager, olderThan: Date): Promise<number> {
    const result = await manager.delete(LoginFailureEntity, { failedAt: LessThan(olderThan) });
    return result.affected ?? 0;
  }
}
