import { Injectable } from '@nestjs/common';
import { SecretBox } from '@rollcall/crypto';
import { Transactions } from '@rollcall/db';
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
    private readonly transactions: Transactions,
    private readonly endpoints: WebhookEndpointStore,
    private readonly secretBox: SecretBox,
  ) {}

  async execute(organizationId: string, actor: string, id: string): Promise<WebhookWithSecret> {
    const secret = generateWebhookSecret();
    const at = new Date();
    const endpoint = await this.transactions.run((tx) =>
      this.endpoints.rotateSecret(
        tx,
        organizationId,
        id,
        {
          secretSealed: this.secretBox.seal(secret, id),
          previousUntil: new Date(at.getTime() + PREVIOUS_WEBHOOK_SECRET_OVERLAP_MS),
          at,
        },
        actor,
      ),
    );
    if (!endpoint) throw webhookNotFound();
    return { endpoint, secret };
  }
}
