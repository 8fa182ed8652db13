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

/** Told of every attempt as it ends (the app's metrics observe the durations). */
export type WebhookAttemptListener = (
  outcome: WebhookAttemptOutcome,
  durationSeconds: number,
) => void;

export interface WebhookDeliveryStatsSnapshot {
  attempts: Record<WebhookAttemptOutcome, number>;
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
  private readonly listeners: WebhookAttemptListener[] = [];
  private markedFailing = 0;
  private inFlight = 0;

  /** One POST to a receiver, however it ended, and how long it took. */
  attempted(outcome: WebhookAttemptOutcome, durationMs: number): void {
    const seconds = Math.max(0, durationMs) / 1000;
    this.attempts[outcome] += 1;
    for (const listener of this.listeners) listener(outcome, seconds);
  }

  /** Hears every attempt from now on, with its duration in seconds (never negative). */
  onAttempt(listener: WebhookAttemptListener): void {
    this.listeners.push(listener);
  }

  /** An endpoint that was active is failing now (a delivery ran out of retries). */
  endpointMarkedFailing(): void {
    this.markedFailing += 1;
  }

  setInFlight(count: number): void {
    this.inFlight = count;
  }

  snapshot(): WebhookDeliveryStatsSnapshot {
    return {
      attempts: { ...this.attempts },
      endpointsMarkedFailing: this.markedFailing,
      inFlight: this.inFlight,
    };
  }
}
