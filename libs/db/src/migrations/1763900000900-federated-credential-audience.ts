import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A federated credential is picked by (issuer, subject, audience), and each credential gets
 * an audience Rollcall chose for it. The live (issuer, subject) pair is unique per
 * organization only: a global index let the first organization to register a pair receive
 * another's assertions, and its 409 told anyone which pairs were trusted elsewhere.
 *
 * Existing rows keep their audience: Entra is already configured with it, and the global
 * index they were created under means no two live rows share an (issuer, subject) yet, so
 * each still names one credential. New rows get assigned audiences that no existing row has.
 */
export class FederatedCredentialAudience1763900000900 implements MigrationInterface {
  name = 'FederatedCredentialAudience1763900000900';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ux_scim_federated_credentials_live`);
    await db.query(
      `CREATE UNIQUE INDEX ux_scim_federated_credentials_org_live ON scim_federated_credentials (organization_id, issuer, subject) WHERE revoked_at IS NULL`,
    );
    // The token endpoint's lookup.
    await db.query(
      `CREATE INDEX ix_scim_federated_credentials_assertion ON scim_federated_credentials (issuer, subject, audience)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_scim_federated_credentials_assertion`);
    await db.query(`DROP INDEX ux_scim_federated_credentials_org_live`);
    await db.query(
      `CREATE UNIQUE INDEX ux_scim_federated_credentials_live ON scim_federated_credentials (issuer, subject) WHERE revoked_at IS NULL`,
    );
  }
}
