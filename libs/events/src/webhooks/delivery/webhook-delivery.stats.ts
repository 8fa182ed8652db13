/**
 * How one attempt to reach a receiver ended: a 2xx (`delivered`), another status
 * (`http_error`), no answer within the time cap (`timeout`), a connection that failed
 * (`network_error`), or a URL or address the outbound policy blocked before any connection
 * (`refused`).
 */
export type WebhookAttemptOutcome =
  'delivered' | 'http_error' | 'timeout' | 'network_error' | 'refused';

export const WEBHOOK_ATTEMPT_OUTCOMES: readonly WebhookAttemptOutcome[] = [
  'delivered',
  'http_error',
  'timeout',
  'network_error',
  'refused',
];

/**
 * Upper bounds of the attempt-duration buckets, in seconds: from a receiver next door to past
 * the default 10 s time cap, so attempts cut off by it (a little over 10 s) stand apart.
 */
export const WEBHOOK_ATTEMPT_DURATION_BUCKETS_SECONDS: readonly number[] = [
  0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30,
];

/** Attempt durations as a Prometheus histogram holds them. */
export interface WebhookAttemptDurations {
  /** Per bound of WEBHOOK_ATTEMPT_DURATION_BUCKETS_SECONDS: the attempts that took at most that. */
  buckets: number[];
  sumSeconds: number;
  count: number;
}

export interface WebhookDeliveryStatsSnapshot {
  attempts: Record<WebhookAttemptOutcome, number>;
  durations: WebhookAttemptDurations;
  /** Endpoints this process turned failing (they were not). */
  endpointsMarkedFailing: number;
  /** Deliveries this process holds right now, from the claim until the outcome is recorded. */
  inFlight: number;
}

/**
 * What this process's dispatcher has done since it started, in plain numbers: the app reads
 * them when /metrics is scraped, so delivery knows nothing of Prometheus. Every worker and
 * replica counts its own attempts.
 */
export class WebhookDeliveryStats {
  private readonly attempts: Record<WebhookAttemptOutcome, number> = {
    delivered: 0,
    http_error: 0,
    timeout: 0,
    network_error: 0,
    refused: 0,
  };
  /** Per bucket, the attempts in it alone (cumulated when read); longer ones are only counted. */
  private readonly perBucket = WEBHOOK_ATTEMPT_DURATION_BUCKETS_SECONDS.map(() => 0);
  private sumSeconds = 0;
  private count = 0;
  private markedFailing = 0;
  private inFlight = 0;

  /** One POST to a receiver, however it ended, and how long it took. */
  attempted(outcome: WebhookAttemptOutcome, durationMs: number): void {
    const seconds = Math.max(0, durationMs) / 1000;
    this.attempts[outcome] += 1;
    this.sumSeconds += seconds;
    this.count += 1;
    const bucket = WEBHOOK_ATTEMPT_DURATION_BUCKETS_SECONDS.findIndex((bound) => seconds <= bound);
    if (bucket !== -1) this.perBucket[bucket] = (this.perBucket[bucket] ?? 0) + 1;
  }

  /** An endpoint that was active is failing now (a delivery ran out of retries). */
  endpointMarkedFailing(): void {
    this.markedFailing += 1;
  }

  setInFlight(count: number): void {
    this.inFlight = count;
  }

  snapshot(): WebhookDeliveryStatsSnapshot {
    let atMost = 0;
    const buckets = this.perBucket.map((inBucket) => (atMost += inBucket));
    return {
      attempts: { ...this.attempts },
      durations: {
        buckets,
        sumSeconds: this.sumSeconds,
        count: this.count,
      },
      endpointsMarkedFailing: this.markedFailing,
      inFlight: this.inFlight,
    };
  }
}
