export type EventsErrorCode =
  | 'EVENT_CURSOR_INVALID'
  | 'EVENT_TYPE_UNKNOWN'
  | 'WEBHOOK_NOT_FOUND'
  | 'WEBHOOK_DELIVERY_NOT_FOUND'
  | 'WEBHOOK_URL_INVALID'
  | 'WEBHOOK_DESCRIPTION_INVALID'
  | 'WEBHOOK_LIMIT_REACHED';

/** What a request for events or webhooks got wrong; mapped at the admin API edge. */
export class EventsError extends Error {
  constructor(
    readonly code: EventsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EventsError';
  }
}
