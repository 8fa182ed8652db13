import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { newDeliveryId } from '../domain/webhook-delivery';
import { WebhookDeliveryStore } from '../persistence/webhook-delivery.store';
import { WebhookEndpointStore } from '../persistence/webhook-endpoint.store';
import { deliveryNotFound } from './get-webhook-delivery.use-case';
import { webhookNotFound } from './get-webhook.use-case';

/**
 * Sends a delivery's event again as a new delivery, whatever became of the first: the same
 * `webhook-id` (so a receiver that did get it deduplicates), a fresh retry schedule, and the
 * first delivery's attempts kept as they were for the admin to compare. Resetting the failed
 * delivery instead would erase that history and could not resend one that succeeded (a
 * receiver that lost what it acknowledged).
 */
@Injectable()
export class ResendWebhookDelivery {
  constructor(
    private readonly transactions: Transactions,
    private readonly endpoints: WebhookEndpointStore,
    private readonly deliveries: WebhookDeliveryStore,
  ) {}

  async execute(organizationId: string, endpointId: string, deliveryId: string): Promise<string> {
    if (!(await this.endpoints.find(organizationId, endpointId))) throw webhookNotFound();
    const id = newDeliveryId();
    const created = await this.transactions.run((tx) =>
      this.deliveries.insertResend(tx, endpointId, deliveryId, id, new Date()),
    );
    if (!created) throw deliveryNotFound();
    return id;
  }
}
