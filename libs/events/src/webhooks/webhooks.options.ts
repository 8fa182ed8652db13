/** How this process delivers webhooks (`WEBHOOK_*` in the configuration). */
export interface WebhookDeliveryOptions {
  /** Waits between attempts, in ms; once spent, a delivery fails. */
  retryScheduleMs: readonly number[];
  /** How long the dispatcher sleeps when there is nothing to do. */
  pollIntervalMs: number;
  /** How long one attempt may take, connect to last byte read. */
  timeoutMs: number;
}

export const WEBHOOK_DELIVERY_OPTIONS = Symbol('WEBHOOK_DELIVERY_OPTIONS');

/** Production: one poll a second when idle, 10 s per attempt. */
export const DEFAULT_WEBHOOK_POLL_INTERVAL_MS = 1_000;
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;
