import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { WEBHOOK_TEST_EVENT_TYPE } from '@rollcall/contracts';
import { Transactions } from '@rollcall/db';
import { newDeliveryId } from '../domain/webhook-delivery';
import { WebhookDeliveryStore } from '../persistence/webhook-delivery.store';
import { WebhookEndpointStore } from '../persistence/webhook-endpoint.store';
import { webhookNotFound } from './get-webhook.use-case';

/**
 * Queues a `webhook.test` delivery to this endpoint only, signed like any other. It is not an
 * event of the feed (no other endpoint and no Events API reader sees it), so it carries its
 * own body; `sequence` is 0, which no event has.
 */
@Injectable()
export class SendTestWebhook {
  constructor(
    private readonly transactions: Transactions,
    private readonly endpoints: WebhookEndpointStore,
    private readonly deliveries: WebhookDeliveryStore,
  ) {}

  async execute(organizationId: string, actor: string, id: string): Promise<string> {
    const endpoint = await this.endpoints.find(organizationId, id);
    if (!endpoint) throw webhookNotFound();
    const deliveryId = newDeliveryId();
    const eventId = `evt_${randomUUID().replace(/-/g, '')}`;
    const at = new Date();
    await this.transactions.run((tx) =>
      this.deliveries.insertTest(tx, {
        id: deliveryId,
        endpointId: endpoint.id,
        organizationId,
        eventId,
        eventType: WEBHOOK_TEST_EVENT_TYPE,
        payload: {
          id: eventId,
          type: WEBHOOK_TEST_EVENT_TYPE,
          createdAt: at.toISOString(),
          actor,
          sequence: 0,
          data: { webhook: { id: endpoint.id, url: endpoint.url } },
        },
        at,
      }),
    );
    return deliveryId;
  }
}
