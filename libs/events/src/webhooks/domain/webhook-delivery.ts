import { randomUUID } from 'node:crypto';
import type { WebhookDeliveryStatusName } from '@rollcall/contracts';

export interface WebhookAttempt {
  attempt: number;
  attemptedAt: Date;
  /** null when no response came (timeout, refused, network). */
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
  responseSnippet: string | null;
}

/** One event on its way to one endpoint. */
export interface WebhookDelivery {
  id: string;
  endpointId: string;
  organizationId: string;
  /** The `webhook-id`: the event's id, the same for every attempt and for a resend. */
  eventId: string;
  /** null for a test delivery, which is not an event of the feed. */
  eventSequence: number | null;
  eventType: string;
  status: WebhookDeliveryStatusName;
  attempts: number;
  nextAttemptAt: Date | null;
  createdAt: Date;
  completedAt: Date | null;
  lastAttempt: WebhookAttempt | null;
}

/** A delivery with every attempt and the body it sends. */
export interface WebhookDeliveryDetail extends WebhookDelivery {
  attemptsMade: WebhookAttempt[];
  /** The JSON body (`EventView`); null when the event has aged out of the retention window. */
  payload: Record<string, unknown> | null;
}

/** A page of an endpoint's deliveries, newest first. */
export interface WebhookDeliveryPage {
  deliveries: WebhookDelivery[];
  nextBefore: string | null;
}

/**
 * Where a page of deliveries ends: `<created at, ms>.<id>`. Deliveries fanned out together
 * share a creation time, so the id breaks the tie.
 */
export interface DeliveryPosition {
  createdAt: Date;
  id: string;
}

const POSITION = /^(\d{1,15})\.(whd_[0-9a-f]{32})$/;

export function formatDeliveryPosition(position: DeliveryPosition): string {
  return `${position.createdAt.getTime()}.${position.id}`;
}

export function parseDeliveryPosition(text: string): DeliveryPosition | null {
  const match = POSITION.exec(text);
  if (!match?.[1] || !match[2]) return null;
  return { createdAt: new Date(Number(match[1])), id: match[2] };
}

/** `whd_` and 32 hex digits, as the fan-out's SQL makes them. */
export function newDeliveryId(): string {
  return `whd_${randomUUID().replace(/-/g, '')}`;
}
