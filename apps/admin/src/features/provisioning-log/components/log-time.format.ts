const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-03-12 14:05:09` in the browser's time zone: to the second, sortable, unambiguous. */
export function formatLogTime(iso: string): string {
  const d = new Date(iso);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}

/**
 * The full local date and time with milliseconds, UTC offset and zone name, then UTC:
 * `2026-03-12T15:05:09.123+01:00 (Europe/Berlin) = 2026-03-12T14:05:09.123Z`.
 */
export function logTimeTitle(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const local =
    `${formatLogTime(iso).replace(' ', 'T')}.${pad(d.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `${local} (${zone}) = ${d.toISOString()}`;
}
