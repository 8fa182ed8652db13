import type { EventTypeName } from './events';

/**
 * `active`: deliveries succeed (or have not failed for long); `failing`: a delivery ran out of
 * retries, the admin is told; `disabled`: turned off by an admin, nothing is sent.
 */
export type WebhookEndpointStatusName = 'active' | 'failing' | 'disabled';

/** A registered webhook endpoint, as listed: never its secret. */
export interface WebhookEndpointView {
  id: string;
  url: string;
  /** The event types sent to it; null = every type. */
  events: EventTypeName[] | null;
  description: string | null;
  status: WebhookEndpointStatusName;
  /** Since when deliveries have been failing (set with `failing`). */
  failingSince: string | null;
  createdAt: string;
  updatedAt: string;
  /** Deliveries not yet acknowledged by the receiver (waiting or retrying). */
  pendingDeliveries: number;
}

/** `GET /api/webhooks` */
export interface WebhookEndpointListView {
  webhooks: WebhookEndpointView[];
}

/** `POST /api/webhooks` */
export interface CreateWebhookRequest {
  url: string;
  events?: EventTypeName[] | null;
  description?: string | null;
}

/** `POST /api/webhooks` → 201, and `POST /api/webhooks/{id}/rotate-secret`: the secret, once. */
export interface CreatedWebhookView extends WebhookEndpointView {
  /** `whsec_…`: the Standard Webhooks signing secret. */
  secret: string;
}

/** `PATCH /api/webhooks/{id}` */
export interface UpdateWebhookRequest {
  url?: string;
  events?: EventTypeName[] | null;
  description?: string | null;
  /** false disables the endpoint; true enables it again (and clears `failing`). */
  enabled?: boolean;
}

export type WebhookDeliveryStatusName = 'pending' | 'succeeded' | 'failed';

/** One attempt to deliver one event to one endpoint. */
export interface WebhookAttemptView {
  attemptedAt: string;
  /** The receiver's HTTP status; null when no response came (timeout, refused, network). */
  responseStatus: number | null;
  durationMs: number;
  /** What went wrong without a status (`timeout`, `network`, `refused by policy`…). */
  error: string | null;
  /** The start of the receiver's answer, for the admin to read. */
  responseSnippet: string | null;
}

/** One event on its way to one endpoint. */
export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatusName;
  attempts: number;
  nextAttemptAt: string | null;
  createdAt: string;
  lastAttempt: WebhookAttemptView | null;
}

/** `GET /api/webhooks/{id}/deliveries?status=&before=` */
export interface WebhookDeliveryListView {
  deliveries: WebhookDeliveryView[];
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: string | null;
}

/** `GET /api/webhooks/{id}/deliveries/{deliveryId}` */
export interface WebhookDeliveryDetailView extends WebhookDeliveryView {
  attemptsMade: WebhookAttemptView[];
  payload: Record<string, unknown>;
}
