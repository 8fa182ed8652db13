import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import { OutboundHttp } from '@rollcall/outbound';
import { checkWebhookFields, webhookEventData } from '../domain/webhook-changes';
import type { WebhookEndpoint } from '../domain/webhook-endpoint';
import { WebhookEndpointStore } from '../persistence/webhook-endpoint.store';
import { webhookNotFound } from './get-webhook.use-case';

export interface UpdateWebhookCommand {
  organizationId: string;
  actor: string;
  id: string;
  url?: string;
  events?: readonly string[] | null;
  description?: string | null;
  /** false disables; true enables again and clears `failing`. */
  enabled?: boolean;
}

/**
 * Changes an endpoint's URL, event types, description or state. Disabling pauses it: its
 * pending deliveries wait and new events are not sent to it; enabling again clears
 * `failing`, resumes the waiting deliveries and sends what happens from then on.
 */
@Injectable()
export class UpdateWebhook {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: WebhookEndpointStore,
    private readonly outbound: OutboundHttp,
  ) {}

  async execute(command: UpdateWebhookCommand): Promise<WebhookEndpoint> {
    const fields = checkWebhookFields(command, this.outbound.policy.allowPrivateNetwork);
    const changed = [
      ...(fields.url !== undefined ? ['url'] : []),
      ...(fields.eventTypes !== undefined ? ['events'] : []),
      ...(fields.description !== undefined ? ['description'] : []),
      ...(command.enabled !== undefined ? ['enabled'] : []),
    ];
    return inTransaction(this.dataSource, async (manager) => {
      const found = await this.endpoints.update(
        manager,
        command.organizationId,
        command.id,
        { ...fields, enabled: command.enabled },
        new Date(),
      );
      if (!found) throw webhookNotFound();
      const endpoint = await this.endpoints.find(command.organizationId, command.id, manager);
      if (!endpoint) throw webhookNotFound();
      appendEvents(manager, [
        {
          organizationId: command.organizationId,
          type: 'webhook.updated',
          actor: command.actor,
          subject: { type: 'webhook', id: command.id },
          data: { webhook: webhookEventData(endpoint), changed },
        },
      ]);
      return endpoint;
    });
  }
}
