import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { TestDatabase } from './test-database';

/** One row of the outbox, as a crash test reads it straight from the database. */
export interface EventRow {
  organizationId: string;
  sequence: number;
  type: string;
  subjectId: string | null;
  data: Record<string, unknown>;
}

const QUERY =
  'SELECT organization_id, sequence, type, subject_id, data FROM events ORDER BY organization_id, sequence';

interface RawRow {
  organization_id: string;
  sequence: string | number;
  type: string;
  subject_id: string | null;
  data: unknown;
}

/** Every event in the test database, per organization in cursor order. */
export async function readEventRows(database: TestDatabase): Promise<EventRow[]> {
  let rows: RawRow[];
  if (database.dialect === 'sqlite') {
    const file = join(database.env['DATA_DIR'] ?? '', 'rollcall.sqlite');
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      rows = db.prepare(QUERY).all() as RawRow[];
    } finally {
      db.close();
    }
  } else {
    const client = new Client({ connectionString: database.env['DATABASE_URL'] });
    await client.connect();
    try {
      rows = (await client.query<RawRow>(QUERY)).rows;
    } finally {
      await client.end();
    }
  }
  return rows.map((row) => ({
    organizationId: row.organization_id,
    sequence: Number(row.sequence),
    type: row.type,
    subjectId: row.subject_id,
    data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<
      string,
      unknown
    >,
  }));
}
