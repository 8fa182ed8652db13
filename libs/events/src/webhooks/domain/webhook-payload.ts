import type { EventView } from '@rollcall/contracts';
import type { DirectoryEvent } from '../../domain/directory-event';

/**
 * The body of a delivery: the event as the Events API shows it, so a receiver can treat the
 * feed and its webhooks alike. Built the same way on every attempt (same key order), so a
 * resend carries the same bytes. Never the client address: it is for admins' eyes only.
 */
export function webhookPayload(event: Omit<DirectoryEvent, 'clientIp'>): EventView {
  return {
    id: event.id,
    type: event.type,
    createdAt: event.createdAt.toISOString(),
    actor: event.actor,
    sequence: event.sequence,
    data: event.data,
  };
}
