import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlRunner, SqlStatement } from '@rollcall/db';
import type { HealthBucketUnit } from '../domain/provisioning-health';
import { FAILED_OPERATION } from './failed-operation.sql';

// The bucket key in the same spelling on both dialects (`YYYY-MM-DD HH` / `YYYY-MM-DD`, UTC).
// SQLite stores `YYYY-MM-DD HH:MM:SS.SSS` text in UTC, so a prefix is the bucket; PostgreSQL
// formats the timestamptz in UTC whatever the session's time zone is.
const BUCKET_KEY: Record<'sqlite' | 'postgres', Record<HealthBucketUnit, string>> = {
  sqlite: { hour: 'substr(l.created_at, 1, 13)', day: 'substr(l.created_at, 1, 10)' },
  postgres: {
    hour: `to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')`,
    day: `to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  },
};

// Both read the (organization_id, created_at, id) index for the range.
function bucketStatement(key: string): SqlStatement {
  return new SqlStatement(
    `SELECT ${key} AS bucket, COUNT(*) AS requests,
       SUM(CASE WHEN ${FAILED_OPERATION} THEN 1 ELSE 0 END) AS failures
     FROM provisioning_log l
     WHERE l.organization_id = ? AND l.created_at >= ?
     GROUP BY ${key}`,
  );
}

const BUCKETS = {
  sqlite: {
    hour: bucketStatement(BUCKET_KEY.sqlite.hour),
    day: bucketStatement(BUCKET_KEY.sqlite.day),
  },
  postgres: {
    hour: bucketStatement(BUCKET_KEY.postgres.hour),
    day: bucketStatement(BUCKET_KEY.postgres.day),
  },
};

const TOP_ERRORS = new SqlStatement(
  `SELECT l.status, l.scim_type, COUNT(*) AS count
   FROM provisioning_log l
   WHERE l.organization_id = ? AND l.created_at >= ? AND ${FAILED_OPERATION}
   GROUP BY l.status, l.scim_type
   ORDER BY COUNT(*) DESC, l.status, l.scim_type
   LIMIT ?`,
);

export interface BucketCount {
  /** `YYYY-MM-DD HH` or `YYYY-MM-DD`, UTC. */
  bucket: string;
  requests: number;
  failures: number;
}

export interface ErrorCodeCount {
  status: number;
  scimType: string | null;
  count: number;
}

/** Grouped reads of `provisioning_log` for the health chart: no row leaves the database. */
@Injectable()
export class ProvisioningHealthStore {
  private readonly sql: SqlRunner;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
  }

  /** The text of the bucket query, for a plan check. */
  bucketQuery(unit: HealthBucketUnit): string {
    return BUCKETS[this.sql.dialect][unit].text(this.sql.dialect);
  }

  async countByBucket(
    organizationId: string,
    since: Date,
    unit: HealthBucketUnit,
  ): Promise<BucketCount[]> {
    const rows = await this.sql.run<{ bucket: string; requests: unknown; failures: unknown }>(
      undefined,
      BUCKETS[this.sql.dialect][unit],
      [organizationId, this.sql.values.timestamp(since)],
    );
    return rows.map((row) => ({
      bucket: String(row.bucket),
      requests: this.sql.values.readCount(row.requests),
      failures: this.sql.values.readCount(row.failures ?? 0),
    }));
  }

  async topErrors(organizationId: string, since: Date, limit: number): Promise<ErrorCodeCount[]> {
    const rows = await this.sql.run<{ status: unknown; scim_type: string | null; count: unknown }>(
      undefined,
      TOP_ERRORS,
      [organizationId, this.sql.values.timestamp(since), limit],
    );
    return rows.map((row) => ({
      status: Number(row.status),
      scimType: row.scim_type,
      count: this.sql.values.readCount(row.count),
    }));
  }
}
