import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProvisioningLogEntity } from '../persistence/provisioning-log.entity';

export interface ProvisioningLogSummary {
  since: Date;
  total: number;
  /** Requests answered with a status of 400 or more. */
  failed: number;
  /** failed / total; 0 without requests. */
  failureRatio: number;
  lastRequestAt: Date | null;
  lastFailureAt: Date | null;
  /** Request counts by HTTP status. */
  byStatus: Map<number, number>;
}

interface StatusRow {
  status: number | string;
  count: number | string;
  lastAt: Date | string | null;
}

/**
 * SQLite hands MAX() of a datetime column back as the stored text (TypeORM writes UTC as
 * `YYYY-MM-DD HH:MM:SS.SSS`); PostgreSQL as a Date already.
 */
function toDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  if (value instanceof Date) return value;
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(value) ? `${value.replace(' ', 'T')}Z` : value;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function later(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}

/**
 * Counts of one organization's SCIM requests in a recent window, grouped by status in SQL
 * (one row per distinct status, read through the (organization_id, status, created_at)
 * index): the dashboard's quarantine-risk indicator compares the failure ratio with Entra's.
 */
@Injectable()
export class SummarizeProvisioningLog {
  constructor(private readonly dataSource: DataSource) {}

  async execute(organizationId: string, since: Date): Promise<ProvisioningLogSummary> {
    const rows = await this.dataSource
      .getRepository(ProvisioningLogEntity)
      .createQueryBuilder('l')
      .select('l.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .addSelect('MAX(l.created_at)', 'lastAt')
      .where('l.organization_id = :organizationId', { organizationId })
      .andWhere('l.created_at >= :since', { since })
      .groupBy('l.status')
      .getRawMany<StatusRow>();
    const summary: ProvisioningLogSummary = {
      since,
      total: 0,
      failed: 0,
      failureRatio: 0,
      lastRequestAt: null,
      lastFailureAt: null,
      byStatus: new Map(),
    };
    for (const row of rows) {
      const status = Number(row.status);
      const count = Number(row.count);
      const lastAt = toDate(row.lastAt);
      summary.byStatus.set(status, count);
      summary.total += count;
      summary.lastRequestAt = later(summary.lastRequestAt, lastAt);
      if (status >= 400) {
        summary.failed += count;
        summary.lastFailureAt = later(summary.lastFailureAt, lastAt);
      }
    }
    summary.failureRatio = summary.total === 0 ? 0 : summary.failed / summary.total;
    return summary;
  }
}
