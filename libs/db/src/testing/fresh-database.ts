import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DatabaseConfig } from '../database.options';

/**
 * An empty database for one persistence spec: a SQLite file in a temp dir, or a new
 * PostgreSQL database when TEST_DB=postgres (the same switch the e2e suites use).
 */
export interface FreshDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

const ADMIN_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function onPostgres(): boolean {
  return process.env['TEST_DB'] === 'postgres';
}

export async function createFreshDatabase(): Promise<FreshDatabase> {
  if (!onPostgres()) {
    const dir = mkdtempSync(join(tmpdir(), 'rollcall-db-'));
    return {
      config: { dialect: 'sqlite', file: join(dir, 'rollcall.sqlite') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `rollcall_db_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string): Promise<void> => {
    const client = new Client({ connectionString: ADMIN_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    config: { dialect: 'postgres', url: url.toString(), poolSize: 5 },
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * A bare organization row (every other column at its default), for persistence specs whose
 * tables reference `organizations`. Its id.
 */
export async function insertOrganization(dataSource: {
  query(sql: string, parameters: unknown[]): Promise<unknown>;
  options: { type: string };
}): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const postgres = dataSource.options.type === 'postgres';
  const p = (n: number) => (postgres ? `$${n}` : '?');
  await dataSource.query(
    `INSERT INTO organizations (id, name, slug, created_at, updated_at) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)})`,
    [id, `Org ${id}`, `org-${id}`, now, now],
  );
  return id;
}
