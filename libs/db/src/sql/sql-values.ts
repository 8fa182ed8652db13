import type { SqlDialect } from '../database.options';

/**
 * Values to and from the two dialects the way the tables store them (the same encoding
 * TypeORM's drivers use, so rows written either way read back alike):
 *
 * | value     | SQLite (better-sqlite3)                  | PostgreSQL (pg)          |
 * |-----------|------------------------------------------|--------------------------|
 * | boolean   | 0 / 1                                    | boolean                  |
 * | timestamp | `YYYY-MM-DD HH:MM:SS.SSS` text, UTC      | timestamptz ↔ Date       |
 * | JSON      | text                                     | jsonb (parsed by pg)     |
 * | id lists  | a JSON array, read with `json_each(?)`   | text[], `= ANY(?)`       |
 * | COUNT(*)  | number                                   | bigint as a string       |
 */
export interface SqlValues {
  readonly dialect: SqlDialect;
  bool(value: boolean): boolean | number;
  timestamp(value: Date): Date | string;
  timestampOrNull(value: Date | null): Date | string | null;
  json(value: unknown): string;
  /** One parameter holding many ids: use with `IN (SELECT value FROM json_each(?))` / `= ANY(?)`. */
  idList(ids: readonly string[]): string | string[];
  readBool(value: unknown): boolean;
  readDate(value: unknown): Date;
  readDateOrNull(value: unknown): Date | null;
  readJson<T>(value: unknown): T;
  readCount(value: unknown): number;
}

function sqliteTimestamp(value: Date): string {
  const iso = value.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

function readSqliteDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  // `YYYY-MM-DD HH:MM:SS(.SSS)` without a zone is UTC, as written above.
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

const sqlite: SqlValues = {
  dialect: 'sqlite',
  bool: (value) => (value ? 1 : 0),
  timestamp: sqliteTimestamp,
  timestampOrNull: (value) => (value === null ? null : sqliteTimestamp(value)),
  json: (value) => JSON.stringify(value),
  idList: (ids) => JSON.stringify(ids),
  readBool: (value) => value === 1 || value === true || value === '1',
  readDate: readSqliteDate,
  readDateOrNull: (value) => (value === null || value === undefined ? null : readSqliteDate(value)),
  readJson: <T>(value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as T,
  readCount: (value) => Number(value),
};

const postgres: SqlValues = {
  dialect: 'postgres',
  bool: (value) => value,
  timestamp: (value) => value,
  timestampOrNull: (value) => value,
  // pg would send a JS array as a PostgreSQL array: JSON goes as text, cast by the column.
  json: (value) => JSON.stringify(value),
  idList: (ids) => [...ids],
  readBool: (value) => value === true || value === 't',
  readDate: (value) => (value instanceof Date ? value : new Date(String(value))),
  readDateOrNull: (value) =>
    value === null || value === undefined
      ? null
      : value instanceof Date
        ? value
        : new Date(String(value)),
  readJson: <T>(value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as T,
  readCount: (value) => Number(value),
};

export function sqlValues(dialect: SqlDialect): SqlValues {
  return dialect === 'postgres' ? postgres : sqlite;
}

/** The `IN` test for an id list parameter, in the dialect's spelling. */
export function inIdList(column: string, dialect: SqlDialect): string {
  return dialect === 'postgres'
    ? `${column} = ANY(?::text[])`
    : `${column} IN (SELECT value FROM json_each(?))`;
}
