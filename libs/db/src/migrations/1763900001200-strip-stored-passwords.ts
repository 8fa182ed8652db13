import type { MigrationInterface, QueryRunner } from 'typeorm';

const CORE_USER_PASSWORD = 'urn:ietf:params:scim:schemas:core:2.0:user:password';
const BATCH = 500;

function isPasswordKey(key: string): boolean {
  const lower = key.toLowerCase();
  return lower === 'password' || lower === CORE_USER_PASSWORD;
}

/**
 * Rollcall never keeps a member's password (RFC 7643 `password` is writeOnly and returned
 * never), but documents written before that rule may hold one sent by a SCIM client. This
 * removes it from every stored user document. The rest of the document, its version and
 * timestamps are untouched: what a client can read does not change.
 */
export class StripStoredPasswords1763900001200 implements MigrationInterface {
  name = 'StripStoredPasswords1763900001200';

  async up(db: QueryRunner): Promise<void> {
    const postgres = db.connection.options.type === 'postgres';
    // A cheap text pre-filter; the exact key test happens on the parsed document.
    const candidates = postgres
      ? `SELECT id, resource::text AS resource FROM users WHERE resource::text ILIKE '%password%' AND id > $1 ORDER BY id LIMIT ${BATCH}`
      : `SELECT id, resource FROM users WHERE resource LIKE '%password%' AND id > ? ORDER BY id LIMIT ${BATCH}`;
    const update = postgres
      ? `UPDATE users SET resource = $1::jsonb WHERE id = $2`
      : `UPDATE users SET resource = ? WHERE id = ?`;
    let after = '';
    for (;;) {
      const rows = (await db.query(candidates, [after])) as { id: string; resource: string }[];
      for (const row of rows) {
        const document = JSON.parse(row.resource) as Record<string, unknown>;
        const keys = Object.keys(document).filter(isPasswordKey);
        if (keys.length === 0) continue;
        for (const key of keys) delete document[key];
        await db.query(update, [JSON.stringify(document), row.id]);
      }
      const last = rows.at(-1);
      if (!last || rows.length < BATCH) return;
      after = last.id;
    }
  }

  async down(): Promise<void> {
    // Nothing to restore: a password removed is not kept anywhere.
  }
}
