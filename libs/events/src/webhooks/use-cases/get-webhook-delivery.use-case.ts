import { Injectable } from '@nestjs/common';
import { EventsError } from '../../domain/events.error';
import type { WebhookDeliveryDetail } from '../domain/webhook-delivery';
import { WebhookDeliveryStore } from '../persistence/webhook-delivery.store';
import { WebhookEndpointStore } from '../persistence/webhook-endpoint.store';
import { webhookNotFound } from './get-webhook.use-case';

/** One delivery of an endpoint with every attempt and the body it sends. */
@Injectable()
export class GetWebhookDelivery {
  constructor(
    private readonly endpoints: WebhookEndpointStore,
    private readonly deliveries: WebhookDeliveryStore,
  ) {}

  async execute(
    organizationId: string,
    endpointId: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryDetail> {
    if (!(await this.endpoints.find(organizationId, endpointId))) throw webhookNotFound();
    const delivery = await this.deliveries.detail(endpointId, deliveryId);
    if (!delivery) throw deliveryNotFound();
    return delivery;
  }
}

export function deliveryNotFound(): EventsError {
  return new EventsError('WEBHOOK_DELIVERY_NOT_FOUND', 'No such delivery of this webhook.');
}
