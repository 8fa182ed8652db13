import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { WebhookEndpointStore } from '../persistence/webhook-endpoint.store';
import { webhookNotFound } from './get-webhook.use-case';

/** Deletes an endpoint with its deliveries and their attempts; nothing more is sent to it. */
@Injectable()
export class DeleteWebhook {
  constructor(
    private readonly transactions: Transactions,
    private readonly endpoints: WebhookEndpointStore,
  ) {}

  async execute(organizationId: string, actor: string, id: string): Promise<void> {
    const deleted = await this.transactions.run((tx) =>
      this.endpoints.delete(tx, organizationId, id, actor),
    );
    if (!deleted) throw webhookNotFound();
  }
}
