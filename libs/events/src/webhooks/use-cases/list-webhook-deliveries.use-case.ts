import { Injectable } from '@nestjs/common';
import type { WebhookDeliveryStatusName } from '@rollcall/contracts';
import { EventsError } from '../../domain/events.error';
import {
  formatDeliveryPosition,
  parseDeliveryPosition,
  type WebhookDeliveryPage,
} from '../domain/webhook-delivery';
import { WebhookDeliveryStore } from '../persistence/webhook-delivery.store';
import { WebhookEndpointStore } from '../persistence/webhook-endpoint.store';
import { webhookNotFound } from './get-webhook.use-case';

export interface ListWebhookDeliveriesInput {
  organizationId: string;
  endpointId: string;
  status?: WebhookDeliveryStatusName;
  /** The `nextBefore` of the previous (newer) page. */
  before?: string;
  limit: number;
}

/** An endpoint's deliveries, newest first, each with its last attempt. */
@Injectable()
export class ListWebhookDeliveries {
  constructor(
    private readonly endpoints: WebhookEndpointStore,
    private readonly deliveries: WebhookDeliveryStore,
  ) {}

  async execute(input: ListWebhookDeliveriesInput): Promise<WebhookDeliveryPage> {
    const before = input.before ? parseDeliveryPosition(input.before) : undefined;
    if (before === null) {
      throw new EventsError(
        'EVENT_CURSOR_INVALID',
        'before must be a cursor returned by this API.',
      );
    }
    if (!(await this.endpoints.find(input.organizationId, input.endpointId))) {
      throw webhookNotFound();
    }
    const deliveries = await this.deliveries.list({
      endpointId: input.endpointId,
      status: input.status,
      before,
      limit: input.limit,
    });
    const last = deliveries.at(-1);
    return {
      deliveries,
      nextBefore: deliveries.length === input.limit && last ? formatDeliveryPosition(last) : null,
    };
  }
}
