import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SecretBox } from '@rollcall/crypto';
import { Transactions } from '@rollcall/db';
import { OutboundHttp } from '@rollcall/outbound';
import { EventsError } from '../../domain/events.error';
import { checkWebhookFields } from '../domain/webhook-changes';
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
    private readonly transactions: Transactions,
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
    const endpoint = await this.transactions.run(async (tx) => {
      await this.endpoints.lockOrganization(tx, command.organizationId);
      if ((await this.endpoints.count(tx, command.organizationId)) >= MAX_WEBHOOK_ENDPOINTS) {
        throw new EventsError(
          'WEBHOOK_LIMIT_REACHED',
          `An organization can have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints.`,
        );
      }
      return this.endpoints.insert(
        tx,
        {
          id,
          organizationId: command.organizationId,
          url: fields.url ?? '',
          description: fields.description ?? null,
          eventTypes: fields.eventTypes ?? null,
          // Bound to the endpoint: a sealed secret copied onto another row does not open.
          secretSealed: this.secretBox.seal(secret, id),
          at: new Date(),
        },
        command.actor,
      );
    });
    return { endpoint, secret };
  }
}
