import { Injectable } from '@nestjs/common';
import { EventsError } from '../../domain/events.error';
import type { WebhookEndpoint } from '../domain/webhook-endpoint';
import { WebhookEndpointStore } from '../persistence/webhook-endpoint.store';

/** One endpoint of the organization; another organization's is not found. */
@Injectable()
export class GetWebhook {
  constructor(private readonly endpoints: WebhookEndpointStore) {}

  async execute(organizationId: string, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.endpoints.find(organizationId, id);
    if (!endpoint) throw webhookNotFound();
    return endpoint;
  }
}

export function webhookNotFound(): EventsError {
  return new EventsError('WEBHOOK_NOT_FOUND', 'No such webhook endpoint.');
}
