import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

// Rows the sso persistence specs need around their own tables (admins, users), and the events
// their stores appended, read back with plain SQL in either dialect.

export interface StoredEvent {
  type: string;
  actor: string;
  subject: { type: string; id: string | null };
  data: unknown;
}

interface EventRow {
  type: string;
  actor: string;
  subject_type: string;
  subject_id: string | null;
  data: unknown;
}

function placeholders(dataSource: DataSource, count: number): string {
  const postgres = dataSource.options.type === 'postgres';
  return Array.from({ length: count }, (_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
}

/** The organization's events in the order they were appended. */
export async function storedEvents(
  dataSource: DataSource,
  organizationId: string,
): Promise<StoredEvent[]> {
  const rows = (await dataSource.query(
    `SELECT type, actor, subject_type, subject_id, data FROM events
     WHERE organization_id = ${placeholders(dataSource, 1)} ORDER BY sequence`,
    [organizationId],
  )) as EventRow[];
  return rows.map((row) => ({
    type: row.type,
    actor: row.actor,
    subject: { type: row.subject_type, id: row.subject_id },
    data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
  }));
}

export async function insertAdmin(
  dataSource: DataSource,
  organizationId: string,
): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const email = `admin-${id}@example.com`;
  await dataSource.query(
    `INSERT INTO organization_admins
       (id, organization_id, email, email_normalized, password_hash, created_at)
     VALUES (${placeholders(dataSource, 6)})`,
    [id, organizationId, email, email, 'x', new Date().toISOString()],
  );
  return { id, email };
}

/** A bare active directory user; its id. */
export async function insertUser(dataSource: DataSource, organizationId: string): Promise<string> {
  const id = randomUUID();
  const userName = `user-${id}@example.com`;
  const now = new Date().toISOString();
  const postgres = dataSource.options.type === 'postgres';
  await dataSource.query(
    `INSERT INTO users
       (id, organization_id, user_name, user_name_normalized, active, source, resource, version,
        created_at, updated_at)
     VALUES (${placeholders(dataSource, 10)})`,
    [id, organizationId, userName, userName, postgres ? true : 1, 'scim', '{}', 1, now, now],
  );
  return id;
}
