import { isEventTypeName, type EventTypeName } from '@rollcall/contracts';
import { EventsError } from '../../domain/events.error';

/**
 * The event types an endpoint subscribes to: null (or absent) = all of them; otherwise each
 * must be a known type (a typo would otherwise be a silent endpoint), listed once.
 */
export function webhookEventTypes(
  types: readonly string[] | null | undefined,
): EventTypeName[] | null {
  if (types === null || types === undefined) return null;
  const unknown = types.filter((type) => !isEventTypeName(type));
  if (unknown.length > 0) {
    throw new EventsError(
      'EVENT_TYPE_UNKNOWN',
      `Unknown event type: ${unknown.slice(0, 3).join(', ')}.`,
    );
  }
  if (types.length === 0) {
    throw new EventsError(
      'EVENT_TYPE_UNKNOWN',
      'List at least one event type, or null for every type.',
    );
  }
  return [...new Set(types as EventTypeName[])];
}
