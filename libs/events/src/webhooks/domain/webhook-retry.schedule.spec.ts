import { DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS, nextRetryAt } from './webhook-retry.schedule';

const now = new Date('2026-01-01T00:00:00Z');
const after = (attempts: number, random: number) =>
  nextRetryAt(DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS, attempts, now, () => random)?.getTime();

describe('the webhook retry schedule', () => {
  it('waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (without jitter), then gives up', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((n) => (after(n, 0) ?? 0) - now.getTime());
    expect(waits).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36e6, 36e6]);
    expect(after(8, 0)).toBeUndefined();
  });

  it('retries for at least 24 hours in all, even with the most jitter down', () => {
    const total = [1, 2, 3, 4, 5, 6, 7].reduce(
      (sum, n) => sum + (after(n, 0) ?? 0) - now.getTime(),
      0,
    );
    expect(total).toBeGreaterThanOrEqual(24 * 3_600_000);
  });

  it('spreads each wait by adding at most a fifth of it', () => {
    expect((after(2, 0) ?? 0) - now.getTime()).toBe(300_000);
    expect((after(2, 0.5) ?? 0) - now.getTime()).toBe(330_000);
    expect((after(2, 0.999999) ?? 0) - now.getTime()).toBe(360_000);
  });

  it('follows a configured schedule (tests run it in milliseconds)', () => {
    const schedule = [50, 100];
    expect(nextRetryAt(schedule, 1, now, () => 0)?.getTime()).toBe(now.getTime() + 50);
    expect(nextRetryAt(schedule, 2, now, () => 0)?.getTime()).toBe(now.getTime() + 100);
    expect(nextRetryAt(schedule, 3, now, () => 0)).toBeNull();
    expect(nextRetryAt([], 1, now)).toBeNull();
  });
});
