import type { ProvisioningHealthRange } from '@rollcall/contracts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type HealthBucketUnit = 'hour' | 'day';

/** The buckets a range is drawn in: 24 hours or 30 days, the newest holding `now`. */
export interface HealthWindow {
  unit: HealthBucketUnit;
  /** Oldest first, each on the hour (or at midnight) in UTC. */
  starts: Date[];
}

const SHAPES: Record<ProvisioningHealthRange, { unit: HealthBucketUnit; count: number }> = {
  '24h': { unit: 'hour', count: 24 },
  '30d': { unit: 'day', count: 30 },
};

export function healthWindow(range: ProvisioningHealthRange, now: Date): HealthWindow {
  const { unit, count } = SHAPES[range];
  const size = unit === 'hour' ? HOUR_MS : DAY_MS;
  // UTC buckets: epoch milliseconds floor to whole hours and days with no zone arithmetic.
  const newest = Math.floor(now.getTime() / size) * size;
  const starts = Array.from({ length: count }, (_, i) => new Date(newest - (count - 1 - i) * size));
  return { unit, starts };
}

/**
 * The key a bucket has in SQL (`YYYY-MM-DD HH` for hours, `YYYY-MM-DD` for days, UTC), so
 * grouped rows can be laid on the zero-filled window.
 */
export function bucketKey(start: Date, unit: HealthBucketUnit): string {
  const iso = start.toISOString();
  return unit === 'hour' ? `${iso.slice(0, 10)} ${iso.slice(11, 13)}` : iso.slice(0, 10);
}

/** One bucket's counts. */
export interface HealthBucket {
  start: Date;
  requests: number;
  failures: number;
}

/** The window with every bucket, those without rows at zero. */
export function zeroFilled(
  window: HealthWindow,
  counted: ReadonlyMap<string, { requests: number; failures: number }>,
): HealthBucket[] {
  return window.starts.map((start) => {
    const counts = counted.get(bucketKey(start, window.unit));
    return { start, requests: counts?.requests ?? 0, failures: counts?.failures ?? 0 };
  });
}

export function ratio(failures: number, requests: number): number {
  return requests === 0 ? 0 : failures / requests;
}
