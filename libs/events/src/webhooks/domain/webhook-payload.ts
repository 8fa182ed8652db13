import type { EventView } from '@rollcall/contracts';
import type { DirectoryEvent } from '../../domain/directory-event';

/**
 * The body of a delivery: the event as the Events API shows it, so a receiver can treat the
 * feed and its webhooks alike. Built the same way on every attempt (same key order), so a
 * resend carries the same bytes.
 */
export function webhookPayload(event: DirectoryEvent): EventView {
  return {
    id: event.id,
    type: event.type,
    createdAt: event.createdAt.toISOString(),
    actor: event.actor,
    sequence: event.sequence,
    data: event.data,
  };
}
