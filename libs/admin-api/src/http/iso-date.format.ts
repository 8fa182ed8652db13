/** Dates cross the admin API as ISO 8601 strings in UTC (what `Date.toJSON` writes). */
export function isoDate(date: Date): string {
  return date.toISOString();
}

export function isoDateOrNull(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}
