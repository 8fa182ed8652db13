import { Injectable } from '@nestjs/common';
import { ProvisioningLogStore } from '../persistence/provisioning-log.store';

export interface ProvisioningLogSummary {
  since: Date;
  total: number;
  /** Failed operations as Entra counts them: 5xx, and 4xx except a 404 to a GET. */
  failed: number;
  /** failed / total; 0 without requests. */
  failureRatio: number;
  lastRequestAt: Date | null;
  lastFailureAt: Date | null;
  /** Request counts by HTTP status. */
  byStatus: Map<number, number>;
}

function later(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}

/**
 * Counts of one organization's SCIM requests in a recent window, per status (grouped in
 * SQL): the dashboard's quarantine-risk indicator compares the failure ratio with Entra's.
 */
@Injectable()
export class SummarizeProvisioningLog {
  constructor(private readonly log: ProvisioningLogStore) {}

  async execute(organizationId: string, since: Date): Promise<ProvisioningLogSummary> {
    const counts = await this.log.countByStatus(organizationId, since);
    const summary: ProvisioningLogSummary = {
      since,
      total: 0,
      failed: 0,
      failureRatio: 0,
      lastRequestAt: null,
      lastFailureAt: null,
      byStatus: new Map(),
    };
    for (const { status, failedOperation, count, lastAt } of counts) {
      summary.byStatus.set(status, (summary.byStatus.get(status) ?? 0) + count);
      summary.total += count;
      summary.lastRequestAt = later(summary.lastRequestAt, lastAt);
      if (failedOperation) {
        summary.failed += count;
        summary.lastFailureAt = later(summary.lastFailureAt, lastAt);
      }
    }
    summary.failureRatio = summary.total === 0 ? 0 : summary.failed / summary.total;
    return summary;
  }
}
