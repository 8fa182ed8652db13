export { appendEvents, flushOutbox, openOutbox } from './outbox';
export type { NewEvent } from './outbox';
