import type { EventView } from '@rollcall/contracts';
import { actorLabel } from './actor.format';
import { eventSummary } from './event-summary.format';

const COLUMNS = ['time', 'actor', 'type', 'summary'] as const;

/**
 * RFC 4180 quoting, and a leading `'` before `=`, `+`, `-`, `@` so a spreadsheet shows a
 * value (an actor or a team name an identity provider sent) instead of running it as a formula.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The loaded activity as CSV: ISO time, the actor as shown, the event type, the summary. */
export function activityCsv(events: readonly EventView[]): string {
  const rows = events.map((event) =>
    [event.createdAt, actorLabel(event.actor), event.type, eventSummary(event)].map(cell).join(','),
  );
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
