import { Module, type DynamicModule } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { EVENTS_OPTIONS, type EventsOptions } from './events.options';
import { EventStore } from './persistence/event.store';
import { ListActivity } from './use-cases/list-activity.use-case';
import { ListActivityActors } from './use-cases/list-activity-actors.use-case';
import { ListEvents } from './use-cases/list-events.use-case';
import { PurgeEvents } from './use-cases/purge-events.use-case';
import { WebhookClaimStore } from './webhooks/persistence/webhook-claim.store';
import { WebhookDeliveryStore } from './webhooks/persistence/webhook-delivery.store';
import { WebhookEndpointStore } from './webhooks/persistence/webhook-endpoint.store';
import { WebhookFanOutStore } from './webhooks/persistence/webhook-fan-out.store';
import { CreateWebhook } from './webhooks/use-cases/create-webhook.use-case';
import { DeleteWebhook } from './webhooks/use-cases/delete-webhook.use-case';
import { GetWebhookDelivery } from './webhooks/use-cases/get-webhook-delivery.use-case';
import { GetWebhook } from './webhooks/use-cases/get-webhook.use-case';
import { ListWebhookDeliveries } from './webhooks/use-cases/list-webhook-deliveries.use-case';
import { ListWebhooks } from './webhooks/use-cases/list-webhooks.use-case';
import { ResendWebhookDelivery } from './webhooks/use-cases/resend-webhook-delivery.use-case';
import { RotateWebhookSecret } from './webhooks/use-cases/rotate-webhook-secret.use-case';
import { SendTestWebhook } from './webhooks/use-cases/send-test-webhook.use-case';
import { UpdateWebhook } from './webhooks/use-cases/update-webhook.use-case';

const useCases = [
  ListEvents,
  ListActivity,
  ListActivityActors,
  PurgeEvents,
  CreateWebhook,
  ListWebhooks,
  GetWebhook,
  UpdateWebhook,
  DeleteWebhook,
  RotateWebhookSecret,
  SendTestWebhook,
  ListWebhookDeliveries,
  GetWebhookDelivery,
  ResendWebhookDelivery,
];
const stores = [
  EventStore,
  WebhookEndpointStore,
  WebhookDeliveryStore,
  WebhookFanOutStore,
  WebhookClaimStore,
];

/**
 * The outbox's readers: the Events API, the Activity page, the retention purge, and webhook
 * endpoints with their deliveries (the dispatcher is WebhookDeliveryModule).
 */
@Module({})
export class EventsModule {
  static forRoot(options: EventsOptions): DynamicModule {
    return {
      module: EventsModule,
      global: true,
      providers: [
        { provide: EVENTS_OPTIONS, useValue: options },
        Transactions,
        ...stores,
        ...useCases,
      ],
      exports: [EVENTS_OPTIONS, ...stores, ...useCases],
    };
  }
}
