/**
 * Waits between attempts: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (≈ 28 h in all, past the
 * 24 h a receiver's outage may last). Eight attempts, then the delivery fails.
 */
export const DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/**
 * Up to this share is added to each wait, so receivers that failed together are not retried
 * together. Only added: the schedule's total stays at least the 24 h it promises.
 */
const JITTER = 0.2;

/**
 * When to try again after `attemptsMade` failed attempts, or null when the schedule is spent.
 * `random` is in [0, 1) (Math.random in production).
 */
export function nextRetryAt(
  schedule: readonly number[],
  attemptsMade: number,
  now: Date,
  random: () => number = Math.random,
): Date | null {
  const wait = schedule[attemptsMade - 1];
  if (wait === undefined || attemptsMade < 1) return null;
  const jittered = wait * (1 + JITTER * random());
  return new Date(now.getTime() + Math.round(jittered));
}
