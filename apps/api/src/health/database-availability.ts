import { Injectable } from '@nestjs/common';
import type { DatabaseUnavailability } from '@rollcall/db';

/** Failures closer together than this, this many times, make the instance not ready. */
const WINDOW_MS = 5_000;
const THRESHOLD = 3;

/**
 * What requests have recently learned about the database. A PostgreSQL that accepts
 * connections and answers `SELECT 1` can still be unusable (a table lock held by another
 * client, a saturated pool): requests then fail with timeouts, and readiness must say so.
 * SQLite "busy" does not count: another process holding the write lock for a while (a
 * backup) leaves reads working, and this is the only instance that could serve them.
 */
@Injectable()
export class DatabaseAvailability {
  private failures: number[] = [];

  record(reason: DatabaseUnavailability): void {
    if (reason === 'busy') return;
    const now = Date.now();
    this.failures = [...this.failures.filter((at) => now - at < WINDOW_MS), now].slice(-THRESHOLD);
  }

  /** True while requests keep failing for want of a usable database. */
  troubled(): boolean {
    const now = Date.now();
    return this.failures.filter((at) => now - at < WINDOW_MS).length >= THRESHOLD;
  }
}
