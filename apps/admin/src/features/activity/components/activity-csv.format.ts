import type { ActivityEntryView } from '@rollcall/contracts';
import { actorLabel } from './actor.format';
import { eventSummary } from './event-summary.format';

// `actorId` is the actor as the API names it (`admin:…`, `api_key:…`), exact for filtering.
// `clientIp` is empty for Rollcall's jobs and the CLI, which make changes without a request.
const COLUMNS = ['time', 'actor', 'actorId', 'clientIp', 'type', 'summary'] as const;

/**
 * RFC 4180 quoting, and a leading `'` before `=`, `+`, `-`, `@` so a spreadsheet shows a
 * value (an actor or a team name an identity provider sent) instead of running it as a formula.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Activity as CSV: ISO time, the actor as shown and as named, the client address, the event
 * type, the summary.
 */
export function activityCsv(events: readonly ActivityEntryView[]): string {
  const rows = events.map((event) =>
    [
      event.createdAt,
      actorLabel(event.actor),
      event.actor,
      event.clientIp ?? '',
      event.type,
      eventSummary(event),
    ]
      .map(cell)
      .join(','),
  );
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
