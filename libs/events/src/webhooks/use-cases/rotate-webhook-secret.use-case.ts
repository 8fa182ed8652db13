import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SecretBox } from '@rollcall/crypto';
import { appendEvents, inTransaction } from '@rollcall/db';
import { webhookEventData } from '../domain/webhook-changes';
import { generateWebhookSecret } from '../domain/webhook.secret';
import { WebhookEndpointStore } from '../persistence/webhook-endpoint.store';
import type { WebhookWithSecret } from './create-webhook.use-case';
import { webhookNotFound } from './get-webhook.use-case';

/** How long the replaced secret keeps signing: a day to deploy the new one to the receiver. */
export const PREVIOUS_WEBHOOK_SECRET_OVERLAP_MS = 24 * 3_600_000;

/**
 * A new signing secret, shown once. For the next 24 hours deliveries carry two signatures
 * (new and previous secret, space-separated in `webhook-signature`), so the receiver can
 * switch without dropping any. A second rotation within the day drops the oldest secret.
 */
@Injectable()
export class RotateWebhookSecret {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: WebhookEndpointStore,
    private readonly secretBox: SecretBox,
  ) {}

  async execute(organizationId: string, actor: string, id: string): Promise<WebhookWithSecret> {
    const secret = generateWebhookSecret();
    return inTransaction(this.dataSource, async (manager) => {
      const before = await this.endpoints.find(organizationId, id, manager);
      const sealed = before ? await this.endpoints.secrets(id, manager) : null;
      if (!before || !sealed) throw webhookNotFound();
      const at = new Date();
      const previousUntil = new Date(at.getTime() + PREVIOUS_WEBHOOK_SECRET_OVERLAP_MS);
      await this.endpoints.rotateSecret(manager, organizationId, id, {
        secretSealed: this.secretBox.seal(secret, id),
        previousSecretSealed: sealed.secretSealed,
        previousUntil,
        at,
      });
      const endpoint = (await this.endpoints.find(organizationId, id, manager)) ?? before;
      appendEvents(manager, [
        {
          organizationId,
          type: 'webhook.secret_rotated',
          actor,
          subject: { type: 'webhook', id },
          data: {
            webhook: webhookEventData(endpoint),
            previousSecretExpiresAt: previousUntil.toISOString(),
          },
        },
      ]);
      return { endpoint, secret };
    });
  }
}
