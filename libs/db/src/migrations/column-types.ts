import type { QueryRunner } from 'typeorm';

/**
 * The few column types that differ between the dialects. Migrations are written once against
 * these, so SQLite and PostgreSQL always get the same tables, indexes and constraints.
 */
export interface ColumnTypes {
  timestamp: string;
  json: string;
  false: string;
  true: string;
}

export function columnTypes(db: QueryRunner): ColumnTypes {
  return db.connection.options.type === 'postgres'
    ? { timestamp: 'timestamptz', json: 'jsonb', false: 'false', true: 'true' }
    : { timestamp: 'datetime', json: 'text', false: '0', true: '1' };
}
