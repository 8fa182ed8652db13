import { Module, type DynamicModule } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { WebhookDeliveryStats } from './delivery/webhook-delivery.stats';
import { WebhookDispatcher } from './delivery/webhook.dispatcher';
import { WebhookSender } from './delivery/webhook.sender';
import { WEBHOOK_DELIVERY_OPTIONS, type WebhookDeliveryOptions } from './webhooks.options';

/**
 * The dispatcher, for the processes that serve HTTP (every worker, every replica), not the
 * CLI. Its stores come from EventsModule; OutboundHttp and SecretBox from the app's core.
 * It exports what the dispatcher counts, for the app's /metrics.
 */
@Module({})
export class WebhookDeliveryModule {
  static forRoot(options: WebhookDeliveryOptions): DynamicModule {
    return {
      module: WebhookDeliveryModule,
      providers: [
        { provide: WEBHOOK_DELIVERY_OPTIONS, useValue: options },
        Transactions,
        WebhookSender,
        WebhookDeliveryStats,
        WebhookDispatcher,
      ],
      exports: [WebhookDeliveryStats],
    };
  }
}
