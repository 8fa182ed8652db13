import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * A fresh, empty database for one test file: a SQLite file in a temp dir by default, or a
 * new PostgreSQL database when TEST_DB=postgres (dropped again when the file is done).
 */
export interface TestDatabase {
  env: Record<string, string>;
  dialect: 'sqlite' | 'postgres';
  drop(): Promise<void>;
}

const ADMIN_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function testDialect(): 'sqlite' | 'postgres' {
  return process.env['TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDialect() === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'rollcall-test-'));
    return {
      dialect: 'sqlite',
      env: { DATA_DIR: dir },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `rollcall_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dialect: 'postgres',
    // A shared database needs one ENCRYPTION_KEY for every process that opens it.
    env: {
      DATABASE_URL: url.toString(),
      DATABASE_POOL_SIZE: '5',
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    },
    drop: async () => {
      const client = new Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
