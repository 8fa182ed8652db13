import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlRunner, SqlStatement, inTransaction, managerOf, txOf, type Tx } from '@rollcall/db';
import type { ProvisioningLogEntry } from '../domain/provisioning-log-entry';
import { ProvisioningLogQueue, type ProvisioningLogQueueOptions } from './provisioning-log.queue';
import { FAILED_OPERATION } from './failed-operation.sql';
import { provisioningLogWhere, type ProvisioningLogFilter } from './provisioning-log.where';

/** The requests of one status in a window. */
export interface ProvisioningLogStatusCount {
  status: number;
  /** Whether these count as failed operations (FAILED_OPERATION; a status can go both ways). */
  failedOperation: boolean;
  count: number;
  lastAt: Date | null;
}

interface EntryRow {
  id: string;
  organization_id: string;
  token_prefix: string | null;
  request_id: string | null;
  method: string;
  path: string;
  filter: string | null;
  status: unknown;
  scim_type: string | null;
  detail: string | null;
  resource_type: string | null;
  resource_id: string | null;
  duration_ms: unknown;
  request_body: string | null;
  created_at: unknown;
}

const COLUMNS = `l.id, l.organization_id, l.token_prefix, l.request_id, l.method, l.path, l.filter,
  l.status, l.scim_type, l.detail, l.resource_type, l.resource_id, l.duration_ms,
  l.request_body, l.created_at`;

// Grouped in SQL, one row per distinct status (two for a 404: reads and writes), read
// through the (organization_id, status, created_at) index.
const COUNT_BY_STATUS = new SqlStatement(
  `SELECT l.status, CASE WHEN ${FAILED_OPERATION} THEN 1 ELSE 0 END AS failed_operation,
     COUNT(*) AS count, MAX(l.created_at) AS last_at
   FROM provisioning_log l
   WHERE l.organization_id = ? AND l.created_at >= ?
   GROUP BY l.status, CASE WHEN ${FAILED_OPERATION} THEN 1 ELSE 0 END`,
);
const DELETE_OLDER = new SqlStatement(`DELETE FROM provisioning_log WHERE created_at < ?`);
const CROWDED = new SqlStatement(
  `SELECT organization_id FROM provisioning_log
   GROUP BY organization_id HAVING COUNT(*) > ?`,
);
const OLDEST_KEPT = new SqlStatement(
  `SELECT created_at FROM provisioning_log WHERE organization_id = ?
   ORDER BY created_at DESC LIMIT 1 OFFSET ?`,
);
const DELETE_OLDER_OF_ORGANIZATION = new SqlStatement(
  `DELETE FROM provisioning_log WHERE organization_id = ? AND created_at < ?`,
);

/**
 * All SQL on `provisioning_log`: the write-behind queue that records requests, the admin's
 * pages and counts, and the purge that keeps the log bounded.
 */
@Injectable()
export class ProvisioningLogStore {
  private readonly sql: SqlRunner;

  constructor(private readonly dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
  }

  /** A queue that writes entries in batches, off the request path. */
  writeBehind(options: ProvisioningLogQueueOptions): ProvisioningLogQueue {
    return new ProvisioningLogQueue(this.dataSource, options);
  }

  /** Whether the database is still open: false once the application closed it at shutdown. */
  isOpen(): boolean {
    return this.dataSource.isInitialized;
  }

  /** The organization's entries under the filter, newest first, at most `limit`. */
  async list(
    organizationId: string,
    filter: ProvisioningLogFilter,
    limit: number,
  ): Promise<ProvisioningLogEntry[]> {
    const { where, parameters } = provisioningLogWhere(organizationId, filter, this.sql.values);
    parameters.push(limit);
    // Fixed columns; only which filters apply varies.
    const statement = new SqlStatement(
      `SELECT ${COLUMNS} FROM provisioning_log l WHERE ${where.join(' AND ')}
       ORDER BY l.created_at DESC, l.id DESC LIMIT ?`,
    );
    const rows = await this.sql.run<EntryRow>(undefined, statement, parameters);
    return rows.map((row) => this.toEntry(row));
  }

  /** The organization's requests since `since`, counted per status. */
  async countByStatus(organizationId: string, since: Date): Promise<ProvisioningLogStatusCount[]> {
    const rows = await this.sql.run<{
      status: unknown;
      failed_operation: unknown;
      count: unknown;
      last_at: unknown;
    }>(undefined, COUNT_BY_STATUS, [organizationId, this.sql.values.timestamp(since)]);
    return rows.map((row) => ({
      status: Number(row.status),
      failedOperation: Number(row.failed_operation) === 1,
      count: this.sql.values.readCount(row.count),
      lastAt: this.sql.values.readDateOrNull(row.last_at),
    }));
  }

  /** Entries older than `cutoff` go, of every organization; how many went. */
  deleteOlderThan(cutoff: Date): Promise<number> {
    // In a transaction of its own: on SQLite a bare statement would join whatever transaction
    // holds the shared connection at that moment.
    return inTransaction(this.dataSource, (manager) =>
      this.affected(txOf(manager), DELETE_OLDER, [this.sql.values.timestamp(cutoff)]),
    );
  }

  /** Each organization keeps its newest `maxRows` entries (ties kept); how many went. */
  async keepNewest(maxRows: number): Promise<number> {
    const crowded = await this.sql.run<{ organization_id: string }>(undefined, CROWDED, [maxRows]);
    let deleted = 0;
    for (const { organization_id: organizationId } of crowded) {
      deleted += await inTransaction(this.dataSource, async (manager) => {
        const tx = txOf(manager);
        const [oldestKept] = await this.sql.run<{ created_at: unknown }>(tx, OLDEST_KEPT, [
          organizationId,
          maxRows - 1,
        ]);
        if (!oldestKept) return 0;
        // The time passed back as the driver read it (SQLite's stored text, a Date on PostgreSQL).
        return this.affected(tx, DELETE_OLDER_OF_ORGANIZATION, [
          organizationId,
          oldestKept.created_at,
        ]);
      });
    }
    return deleted;
  }

  /** Rows a DELETE removed (TypeORM reports them only in its structured result). */
  private async affected(
    tx: Tx,
    statement: SqlStatement,
    parameters: readonly unknown[],
  ): Promise<number> {
    const runner = managerOf(tx).queryRunner;
    if (!runner) throw new Error('A transaction manager has a query runner.');
    const result = await runner.query(statement.text(this.sql.dialect), [...parameters], true);
    return result.affected ?? 0;
  }

  private toEntry(row: EntryRow): ProvisioningLogEntry {
    return {
      id: row.id,
      organizationId: row.organization_id,
      tokenPrefix: row.token_prefix,
      requestId: row.request_id,
      method: row.method,
      path: row.path,
      filter: row.filter,
      status: Number(row.status),
      scimType: row.scim_type,
      detail: row.detail,
      resourceType: row.resource_type,
      resourceId: row.resource_id,
      durationMs: Number(row.duration_ms),
      requestBody: row.request_body,
      createdAt: this.sql.values.readDate(row.created_at),
    };
  }
}
