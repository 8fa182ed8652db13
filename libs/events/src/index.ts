export { EventsModule } from './events.module';
export { EVENTS_OPTIONS } from './events.options';
export type { EventsOptions } from './events.options';
export { actorKind } from './domain/directory-event';
export type { DirectoryEvent } from './domain/directory-event';
export { EventsError } from './domain/events.error';
export type { EventsErrorCode } from './domain/events.error';
export { EventStore } from './persistence/event.store';
export { ACTIVITY_ACTOR_KINDS, ListActivity } from './use-cases/list-activity.use-case';
export type { ActivityPage, ListActivityInput } from './use-cases/list-activity.use-case';
export { ListActivityActors, MAX_ACTIVITY_ACTORS } from './use-cases/list-activity-actors.use-case';
export { ListEvents, parseCursor, parseEventTypes } from './use-cases/list-events.use-case';
export type { EventPage, ListEventsInput } from './use-cases/list-events.use-case';
export { PurgeEvents } from './use-cases/purge-events.use-case';
export {
  MAX_WEBHOOK_ENDPOINTS,
  WEBHOOK_DESCRIPTION_MAX_LENGTH,
  WEBHOOK_URL_MAX_LENGTH,
  webhookEndpointStatus,
} from './webhooks/domain/webhook-endpoint';
export type { WebhookEndpoint } from './webhooks/domain/webhook-endpoint';
export type {
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryPage,
} from './webhooks/domain/webhook-delivery';
export { DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS } from './webhooks/domain/webhook-retry.schedule';
export {
  WEBHOOK_ATTEMPT_OUTCOMES,
  WebhookDeliveryStats,
} from './webhooks/delivery/webhook-delivery.stats';
export type {
  WebhookAttemptListener,
  WebhookAttemptOutcome,
  WebhookDeliveryStatsSnapshot,
} from './webhooks/delivery/webhook-delivery.stats';
export { WebhookDeliveryModule } from './webhooks/webhook-delivery.module';
export {
  DEFAULT_WEBHOOK_POLL_INTERVAL_MS,
  DEFAULT_WEBHOOK_TIMEOUT_MS,
} from './webhooks/webhooks.options';
export type { WebhookDeliveryOptions } from './webhooks/webhooks.options';
export { CreateWebhook } from './webhooks/use-cases/create-webhook.use-case';
export type {
  CreateWebhookCommand,
  WebhookWithSecret,
} from './webhooks/use-cases/create-webhook.use-case';
export { DeleteWebhook } from './webhooks/use-cases/delete-webhook.use-case';
export { GetWebhookDelivery } from './webhooks/use-cases/get-webhook-delivery.use-case';
export { GetWebhook } from './webhooks/use-cases/get-webhook.use-case';
export { ListWebhookDeliveries } from './webhooks/use-cases/list-webhook-deliveries.use-case';
export type { ListWebhookDeliveriesInput } from './webhooks/use-cases/list-webhook-deliveries.use-case';
export { ListWebhooks } from './webhooks/use-cases/list-webhooks.use-case';
export { ResendWebhookDelivery } from './webhooks/use-cases/resend-webhook-delivery.use-case';
export {
  PREVIOUS_WEBHOOK_SECRET_OVERLAP_MS,
  RotateWebhookSecret,
} from './webhooks/use-cases/rotate-webhook-secret.use-case';
export { SendTestWebhook } from './webhooks/use-cases/send-test-webhook.use-case';
export { UpdateWebhook } from './webhooks/use-cases/update-webhook.use-case';
export type { UpdateWebhookCommand } from './webhooks/use-cases/update-webhook.use-case';
