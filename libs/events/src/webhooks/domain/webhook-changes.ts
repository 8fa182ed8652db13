import type { EventTypeName } from '@rollcall/contracts';
import { EventsError } from '../../domain/events.error';
import { WEBHOOK_DESCRIPTION_MAX_LENGTH, type WebhookEndpoint } from './webhook-endpoint';
import { webhookEventTypes } from './webhook-event-types';
import { webhookUrl } from './webhook-url';

/** What an admin sends for an endpoint, before it is checked. */
export interface WebhookFields {
  url?: string;
  events?: readonly string[] | null;
  description?: string | null;
}

export interface CheckedWebhookFields {
  url?: string;
  eventTypes?: EventTypeName[] | null;
  description?: string | null;
}

/** Checks each field given; an absent one stays absent (a partial update leaves it as is). */
export function checkWebhookFields(
  fields: WebhookFields,
  allowPrivateNetwork: boolean,
): CheckedWebhookFields {
  const checked: CheckedWebhookFields = {};
  if (fields.url !== undefined) checked.url = webhookUrl(fields.url, allowPrivateNetwork);
  if (fields.events !== undefined) checked.eventTypes = webhookEventTypes(fields.events);
  if (fields.description !== undefined) {
    const description = fields.description?.trim() ?? '';
    if (description.length > WEBHOOK_DESCRIPTION_MAX_LENGTH) {
      throw new EventsError(
        'WEBHOOK_DESCRIPTION_INVALID',
        `The description must be at most ${WEBHOOK_DESCRIPTION_MAX_LENGTH} characters.`,
      );
    }
    checked.description = description === '' ? null : description;
  }
  return checked;
}

/** An endpoint as its events carry it: never a secret. */
export function webhookEventData(endpoint: WebhookEndpoint): Record<string, unknown> {
  return {
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.eventTypes,
    description: endpoint.description,
    enabled: endpoint.enabled,
  };
}
