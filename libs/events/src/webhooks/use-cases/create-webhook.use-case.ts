import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SecretBox } from '@rollcall/crypto';
import { appendEvents, inTransaction } from '@rollcall/db';
import { OutboundHttp } from '@rollcall/outbound';
import { EventsError } from '../../domain/events.error';
import { checkWebhookFields, webhookEventData } from '../domain/webhook-changes';
import { MAX_WEBHOOK_ENDPOINTS, type WebhookEndpoint } from '../domain/webhook-endpoint';
import { generateWebhookSecret } from '../domain/webhook.secret';
import { WebhookEndpointStore } from '../persistence/webhook-endpoint.store';

export interface CreateWebhookCommand {
  organizationId: string;
  /** Who asks (`admin:<e-mail>`, `api_key:<name>`), recorded on the event. */
  actor: string;
  url: string;
  events?: readonly string[] | null;
  description?: string | null;
}

/** An endpoint with its signing secret: returned once, at creation and at each rotation. */
export interface WebhookWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

/**
 * Registers an endpoint. It receives what happens from now on (its cursor starts at the
 * organization's last event), signed with a new `whsec_` secret shown this once.
 */
@Injectable()
export class CreateWebhook {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: WebhookEndpointStore,
    private readonly secretBox: SecretBox,
    private readonly outbound: OutboundHttp,
  ) {}

  async execute(command: CreateWebhookCommand): Promise<WebhookWithSecret> {
    const fields = checkWebhookFields(
      { url: command.url, events: command.events ?? null, description: command.description },
      this.outbound.policy.allowPrivateNetwork,
    );
    const id = randomUUID();
    const secret = generateWebhookSecret();
    const endpoint = await inTransaction(this.dataSource, async (manager) => {
      await this.endpoints.lockOrganization(manager, command.organizationId);
      if ((await this.endpoints.count(manager, command.organizationId)) >= MAX_WEBHOOK_ENDPOINTS) {
        throw new EventsError(
          'WEBHOOK_LIMIT_REACHED',
          `An organization can have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints.`,
        );
      }
      await this.endpoints.insert(manager, {
        id,
        organizationId: command.organizationId,
        url: fields.url ?? '',
        description: fields.description ?? null,
        eventTypes: fields.eventTypes ?? null,
        // Bound to the endpoint: a sealed secret copied onto another row does not open.
        secretSealed: this.secretBox.seal(secret, id),
        at: new Date(),
      });
      const created = await this.endpoints.find(command.organizationId, id, manager);
      if (!created) throw new Error('The endpoint just inserted is not found.');
      appendEvents(manager, [
        {
          organizationId: command.organizationId,
          type: 'webhook.created',
          actor: command.actor,
          subject: { type: 'webhook', id },
          data: { webhook: webhookEventData(created) },
        },
      ]);
      return created;
    });
    return { endpoint, secret };
  }
}
