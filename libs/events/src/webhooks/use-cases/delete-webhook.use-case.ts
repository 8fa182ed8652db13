import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import { webhookEventData } from '../domain/webhook-changes';
import { WebhookEndpointStore } from '../persistence/webhook-endpoint.store';
import { webhookNotFound } from './get-webhook.use-case';

/** Deletes an endpoint with its deliveries and their attempts; nothing more is sent to it. */
@Injectable()
export class DeleteWebhook {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: WebhookEndpointStore,
  ) {}

  async execute(organizationId: string, actor: string, id: string): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const endpoint = await this.endpoints.find(organizationId, id, manager);
      if (!endpoint || !(await this.endpoints.delete(manager, organizationId, id))) {
        throw webhookNotFound();
      }
      appendEvents(manager, [
        {
          organizationId,
          type: 'webhook.deleted',
          actor,
          subject: { type: 'webhook', id },
          data: { webhook: webhookEventData(endpoint) },
        },
      ]);
    });
  }
}
