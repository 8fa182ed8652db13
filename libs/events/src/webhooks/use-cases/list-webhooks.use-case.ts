import { Injectable } from '@nestjs/common';
import type { WebhookEndpoint } from '../domain/webhook-endpoint';
import { WebhookEndpointStore } from '../persistence/webhook-endpoint.store';

/** The organization's endpoints, oldest first, with their pending deliveries. */
@Injectable()
export class ListWebhooks {
  constructor(private readonly endpoints: WebhookEndpointStore) {}

  execute(organizationId: string): Promise<WebhookEndpoint[]> {
    return this.endpoints.list(organizationId);
  }
}
