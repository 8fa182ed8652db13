import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * A directory of N users written straight into the `users` table, row for row what
 * `POST /Users` writes for the body `userBody(i)` (libs/directory: typeorm-user.store.ts,
 * user.mapper.ts), so 1M users take a minute instead of hours. `checkSeededRow` proves it
 * against the running api.
 *
 * User i (0-based) has a fixed id, so any user can be read by id without keeping the ids,
 * and a distinct created_at increasing with i, so the list order (created_at, id) is user
 * 0, 1, 2, …: the page at startIndex S starts with user S − 1.
 */
export const SCALE_DOMAIN = 'scale.rollcall.test';
const CORE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';

export const userId = (i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
export const userName = (i) => `user${i}@${SCALE_DOMAIN}`;
export const externalId = (i) => `ext-${i}`;

/** The Entra-shaped body POST /Users gets for user i. */
export function userBody(i) {
  return {
    schemas: [CORE_USER_SCHEMA],
    externalId: externalId(i),
    userName: userName(i),
    active: true,
    displayName: `User ${i}`,
    name: { givenName: `Given${i}`, familyName: `Family${i}` },
    emails: [{ primary: true, type: 'work', value: userName(i) }],
  };
}

/**
 * The document the api stores for `userBody(i)`: the body minus server-owned `schemas`,
 * with sub-attributes in the order the api's normalization writes them (it matters on
 * SQLite, where the document is text; `checkSeededRow` catches any drift).
 */
function storedDocument(i) {
  return {
    externalId: externalId(i),
    userName: userName(i),
    active: true,
    displayName: `User ${i}`,
    name: { familyName: `Family${i}`, givenName: `Given${i}` },
    emails: [{ value: userName(i), type: 'work', primary: true }],
  };
}

/** The columns that vary per user, in `SEED_COLUMNS` order. */
const SEED_COLUMNS = [
  'id',
  'user_name',
  'user_name_normalized',
  'external_id',
  'display_name',
  'given_name',
  'family_name',
  'email',
  'email_normalized',
  'resource',
  'created_at',
];

function varying(i, createdAt) {
  const name = userName(i);
  return [
    userId(i),
    name,
    name.toLowerCase(),
    externalId(i),
    `User ${i}`,
    `Given${i}`,
    `Family${i}`,
    name,
    name.toLowerCase(),
    JSON.stringify(storedDocument(i)),
    createdAt,
  ];
}

/** The same text `sqlValues('sqlite').timestamp` writes: `YYYY-MM-DD HH:MM:SS.SSS`, UTC. */
export function sqliteTimestamp(date) {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/**
 * User i is created `i` ms after a base that leaves the last seeded user a minute in the
 * past, so anything the api creates later sorts after all of them.
 */
function createdAtBase(count) {
  return Date.now() - count - 60_000;
}

const BATCH = 10_000;

/** Seeds users 0 … count − 1 of `organizationId`; returns the seconds it took. */
export async function seedUsers(database, organizationId, count, log) {
  const started = performance.now();
  const base = createdAtBase(count);
  if (database.dialect === 'sqlite') {
    seedSqlite(database, organizationId, count, base);
  } else {
    await seedPostgres(database, organizationId, count, base, log);
  }
  return (performance.now() - started) / 1000;
}

function seedSqlite(database, organizationId, count, base) {
  const sqlite = new Database(join(database.dataDir, 'rollcall.sqlite'));
  try {
    sqlite.pragma('busy_timeout = 10000');
    const insert = sqlite.prepare(
      `INSERT INTO users (organization_id, ${SEED_COLUMNS.join(', ')}, active, role_name, role, source, version, updated_at, deactivated_at)
       VALUES (?, ${SEED_COLUMNS.map(() => '?').join(', ')}, 1, NULL, NULL, 'scim', 1, ?, NULL)`,
    );
    const insertMany = sqlite.transaction((from, to) => {
      for (let i = from; i < to; i += 1) {
        const createdAt = sqliteTimestamp(new Date(base + i));
        insert.run(organizationId, ...varying(i, createdAt), createdAt);
      }
    });
    for (let from = 0; from < count; from += BATCH) {
      insertMany(from, Math.min(count, from + BATCH));
    }
    // What a settled database has: statistics for the planner (sqlite_stat1).
    sqlite.exec('ANALYZE');
  } finally {
    sqlite.close();
  }
}

/**
 * One INSERT … SELECT FROM unnest(column arrays) per 10k users, each its own transaction:
 * 11 parameters whatever the batch size, parsed once. Then ANALYZE, and VACUUM so the
 * visibility map is set and index-only scans work as on a settled database.
 */
async function seedPostgres(database, organizationId, count, base, log) {
  const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  try {
    const type = { resource: 'jsonb', created_at: 'timestamptz' };
    const arrays = SEED_COLUMNS.map((column, k) => `$${k + 2}::${type[column] ?? 'text'}[]`);
    const sql = `INSERT INTO users (organization_id, ${SEED_COLUMNS.join(', ')}, active, role_name, role, source, version, updated_at, deactivated_at)
      SELECT $1, s.*, true, NULL, NULL, 'scim', 1, s.created_at, NULL
      FROM unnest(${arrays.join(', ')}) AS s(${SEED_COLUMNS.join(', ')})`;
    for (let from = 0; from < count; from += BATCH) {
      const columns = SEED_COLUMNS.map(() => []);
      for (let i = from; i < Math.min(count, from + BATCH); i += 1) {
        const row = varying(i, new Date(base + i).toISOString());
        for (let k = 0; k < row.length; k += 1) columns[k].push(row[k]);
      }
      await client.query(sql, [organizationId, ...columns]);
      if (count >= 200_000 && (from / BATCH) % 20 === 19) log(`  … ${from + BATCH} users\n`);
    }
    await client.query('ANALYZE users');
    await client.query('VACUUM (ANALYZE) users');
  } finally {
    await client.end();
  }
}

/** The row the database holds for `id`, in the types both drivers return, minus timestamps. */
async function readRow(database, id) {
  const columns = `id, organization_id, ${SEED_COLUMNS.filter((c) => c !== 'created_at').join(', ')}, active, role_name, role, source, version, deactivated_at, created_at = updated_at AS same_times`;
  if (database.dialect === 'sqlite') {
    const sqlite = new Database(join(database.dataDir, 'rollcall.sqlite'), { readonly: true });
    try {
      return sqlite.prepare(`SELECT ${columns} FROM users WHERE id = ?`).get(id);
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query(
      `SELECT ${columns.replace('resource', 'resource::text AS resource')} FROM users WHERE id = $1`,
      [id],
    );
    return result.rows[0];
  } finally {
    await client.end();
  }
}

/**
 * Proves the seeded rows are what the api writes: POST /Users user `probe` (the next index
 * after the seeded ones), compare its row, column by column, with a seeded row of the same
 * shape, then DELETE it again. Returns the differing columns (empty when they match).
 */
export async function checkSeededRow({ database, baseUrl, token, probe, seeded }) {
  const headers = {
    Authorization: `Bearer ${token}`,
    'Content-Type': 'application/scim+json',
  };
  const created = await fetch(`${baseUrl}/scim/v2/Users`, {
    method: 'POST',
    headers,
    body: JSON.stringify(userBody(probe)),
  });
  const body = await created.json();
  if (created.status !== 201) {
    throw new Error(`POST /Users for the probe user answered ${created.status}`);
  }
  try {
    const written = await readRow(database, body.id);
    const ours = await readRow(database, userId(seeded));
    // The seeded user's values with the probe's index: both rows should then be equal.
    const index = new RegExp(`(user|ext-|User |Given|Family)${seeded}(?!\\d)`, 'g');
    const asProbe = (value) =>
      typeof value === 'string' ? value.replace(index, `$1${probe}`) : value;
    const differences = [];
    for (const [column, value] of Object.entries(written)) {
      const expected = column === 'id' ? body.id : asProbe(ours[column]);
      if (JSON.stringify(value) !== JSON.stringify(expected)) {
        differences.push(
          `${column}: api wrote ${JSON.stringify(value)}, seed wrote ${JSON.stringify(expected)}`,
        );
      }
    }
    return differences;
  } finally {
    const deleted = await fetch(`${baseUrl}/scim/v2/Users/${body.id}`, {
      method: 'DELETE',
      headers,
    });
    if (deleted.status !== 204) {
      throw new Error(`DELETE of the probe user answered ${deleted.status}`);
    }
  }
}
