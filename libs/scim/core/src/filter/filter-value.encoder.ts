import { ScimError } from '../errors/scim-error';
import type { FilterValue } from './filter.types';
import type { ColumnMapping, SqlDialect } from './filter-sql.types';

// xsd:dateTime (RFC 7643 §2.3.5), plus a bare date; a missing offset means UTC.
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Turns a filter's compValue into the parameter the column's type needs on the dialect.
 * A value of the wrong JSON type is a client error (invalidFilter), never a SQL error.
 */
export function encodeFilterValue(
  mapping: ColumnMapping,
  value: Exclude<FilterValue, null>,
  dialect: SqlDialect,
  name: string,
): string | number | boolean {
  switch (mapping.type) {
    case 'string':
    case 'reference':
      if (typeof value !== 'string') throw wrongType(name, 'a string', value);
      return value;
    case 'boolean': {
      const bool = toBoolean(value);
      if (bool === undefined) throw wrongType(name, 'true or false', value);
      // better-sqlite3 cannot bind JS booleans, and TypeORM stores them as 0/1 there.
      return dialect === 'sqlite' ? (bool ? 1 : 0) : bool;
    }
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        throw wrongType(name, 'an integer', value);
      }
      return value;
    case 'decimal':
      if (typeof value !== 'number') throw wrongType(name, 'a number', value);
      return value;
    case 'dateTime':
      return encodeDateTime(value, dialect, name);
  }
}

function toBoolean(value: string | number | boolean): boolean | undefined {
  if (typeof value === 'boolean') return value;
  // Entra writes booleans as "True"/"False" in PATCH bodies; accept the same in filters.
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return undefined;
}

/**
 * Validates an ISO 8601 dateTime and renders it as the column stores it: TypeORM writes
 * sqlite datetimes as UTC text `YYYY-MM-DD HH:MM:SS.SSS` (compared as text, so the
 * parameter must have exactly that shape); PostgreSQL takes an ISO string for timestamptz.
 */
export function encodeDateTime(value: unknown, dialect: SqlDialect, name: string): string {
  const parsed = typeof value === 'string' ? parseIsoDateTime(value) : undefined;
  if (!parsed) throw wrongType(name, 'an ISO 8601 dateTime string', value);
  const iso = parsed.toISOString();
  return dialect === 'sqlite' ? iso.replace('T', ' ').replace('Z', '') : iso;
}

/** The instant an xsd:dateTime string denotes, or undefined when it is not one. */
export function parseIsoDateTime(value: string): Date | undefined {
  const match = ISO_DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const [, date = '', time = '00:00:00', fraction = '', offset = 'Z'] = match;
  const seconds = time.length === 5 ? `${time}:00` : time;
  // Date handles milliseconds only; finer digits are truncated rather than rejected.
  const millis = fraction === '' ? '' : fraction.slice(0, 4);
  const zone = offset.toUpperCase() === 'Z' ? 'Z' : normalizeOffset(offset);
  const parsed = new Date(`${date}T${seconds}${millis}${zone}`);
  if (Number.isNaN(parsed.getTime()) || !isCalendarDate(date)) return undefined;
  return parsed;
}

function normalizeOffset(offset: string): string {
  return offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
}

// `new Date('2024-02-31T00:00:00Z')` rolls over to March 2; RFC 3339 calls that invalid.
function isCalendarDate(date: string): boolean {
  const midnight = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(midnight.getTime()) && midnight.toISOString().slice(0, 10) === date;
}

function wrongType(name: string, expected: string, value: unknown): ScimError {
  return ScimError.invalidFilter(
    `The attribute '${name}' is compared with ${JSON.stringify(value)}, but expects ${expected}.`,
  );
}
