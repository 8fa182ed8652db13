import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { OutboundHttp } from '@rollcall/outbound';
import { checkWebhookFields } from '../domain/webhook-changes';
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
    private readonly transactions: Transactions,
    private readonly endpoints: WebhookEndpointStore,
    private readonly outbound: OutboundHttp,
  ) {}

  async execute(command: UpdateWebhookCommand): Promise<WebhookEndpoint> {
    const fields = checkWebhookFields(command, this.outbound.policy.allowPrivateNetwork);
    const endpoint = await this.transactions.run((tx) =>
      this.endpoints.update(
        tx,
        command.organizationId,
        command.id,
        { ...fields, enabled: command.enabled },
        new Date(),
        command.actor,
      ),
    );
    if (!endpoint) throw webhookNotFound();
    return endpoint;
  }
}
