import type { EventTypeName, WebhookEndpointStatusName } from '@rollcall/contracts';

/** At most this many endpoints per organization: each one multiplies every event's traffic. */
export const MAX_WEBHOOK_ENDPOINTS = 20;
export const WEBHOOK_DESCRIPTION_MAX_LENGTH = 500;
export const WEBHOOK_URL_MAX_LENGTH = 2048;

/** A registered endpoint as the store returns it; its secrets stay sealed in the store. */
export interface WebhookEndpoint {
  id: string;
  organizationId: string;
  url: string;
  description: string | null;
  /** null = every event type. */
  eventTypes: EventTypeName[] | null;
  enabled: boolean;
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Deliveries not yet acknowledged (waiting or retrying). */
  pendingDeliveries: number;
}

/** An endpoint as the admin sees it: disabled by an admin wins over failing. */
export function webhookEndpointStatus(endpoint: WebhookEndpoint): WebhookEndpointStatusName {
  if (!endpoint.enabled) return 'disabled';
  return endpoint.failingSince ? 'failing' : 'active';
}
