import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * Webhooks (Standard Webhooks): endpoints an organization registers, one delivery per event
 * and endpoint, and every attempt to make it.
 *
 * `cursor` is the last event sequence fanned out to the endpoint: sequences are dense and in
 * commit order per organization, so reading on from it never skips an event. A delivery of a
 * real event points at it by `(organization_id, event_sequence)`; only test deliveries, which
 * are not events, carry their own `payload`.
 */
export class Webhooks1763900001800 implements MigrationInterface {
  name = 'Webhooks1763900001800';

  async up(db: QueryRunner): Promise<void> {
    const t = columnTypes(db);
    await db.query(`
      CREATE TABLE webhook_endpoints (
        id varchar(36) PRIMARY KEY NOT NULL,
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        url varchar(2048) NOT NULL,
        description varchar(500) NULL,
        event_types ${t.json} NULL,
        secret_sealed text NOT NULL,
        previous_secret_sealed text NULL,
        previous_secret_expires_at ${t.timestamp} NULL,
        enabled boolean NOT NULL DEFAULT ${t.true},
        failing_since ${t.timestamp} NULL,
        cursor bigint NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL
      )`);
    await db.query(
      `CREATE INDEX ix_webhook_endpoints_org ON webhook_endpoints (organization_id, created_at)`,
    );
    await db.query(`
      CREATE TABLE webhook_deliveries (
        id varchar(40) PRIMARY KEY NOT NULL,
        endpoint_id varchar(36) NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
        organization_id varchar(36) NOT NULL,
        event_id varchar(40) NOT NULL,
        event_sequence bigint NULL,
        event_type varchar(64) NOT NULL,
        subject_key varchar(100) NOT NULL,
        payload ${t.json} NULL,
        status varchar(16) NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at ${t.timestamp} NULL,
        lease_until ${t.timestamp} NULL,
        created_at ${t.timestamp} NOT NULL,
        completed_at ${t.timestamp} NULL
      )`);
    // The claim: due pending deliveries, oldest due first.
    await db.query(
      `CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    // Per-resource order: is an earlier delivery of the same subject still pending here?
    // Also counts an endpoint's pending deliveries.
    await db.query(
      `CREATE INDEX ix_webhook_deliveries_subject ON webhook_deliveries (endpoint_id, subject_key, event_sequence) WHERE status = 'pending'`,
    );
    // An endpoint's deliveries, newest first.
    await db.query(
      `CREATE INDEX ix_webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at, id)`,
    );
    await db.query(`
      CREATE TABLE webhook_attempts (
        delivery_id varchar(40) NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        attempted_at ${t.timestamp} NOT NULL,
        response_status integer NULL,
        duration_ms integer NOT NULL,
        error varchar(200) NULL,
        response_snippet varchar(1000) NULL,
        PRIMARY KEY (delivery_id, attempt)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE webhook_attempts`);
    await db.query(`DROP TABLE webhook_deliveries`);
    await db.query(`DROP TABLE webhook_endpoints`);
  }
}
