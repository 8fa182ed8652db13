import { Injectable } from '@nestjs/common';
import type { ProvisioningLogEntry } from '../domain/provisioning-log-entry';
import { ProvisioningLogStore } from '../persistence/provisioning-log.store';
import type { ProvisioningLogQuery } from './list-provisioning-log.use-case';

/** Rows read per query while exporting: one keyset page at a time, never the whole log. */
const EXPORT_BATCH = 1_000;

export type ProvisioningLogExportQuery = Omit<ProvisioningLogQuery, 'limit' | 'cursor'>;

/**
 * Every entry under a filter, newest first, at most `maxRows`, read in keyset batches so an
 * export of 50,000 rows holds one batch in memory at a time.
 */
@Injectable()
export class ExportProvisioningLog {
  constructor(private readonly log: ProvisioningLogStore) {}

  async *execute(
    organizationId: string,
    query: ProvisioningLogExportQuery,
    maxRows: number,
  ): AsyncGenerator<ProvisioningLogEntry[]> {
    let before: { at: Date; id: string } | undefined;
    let left = maxRows;
    while (left > 0) {
      const size = Math.min(EXPORT_BATCH, left);
      const batch = await this.log.list(
        organizationId,
        { ...query, method: query.method?.toUpperCase(), before },
        size,
      );
      if (batch.length === 0) return;
      yield batch;
      left -= batch.length;
      const last = batch[batch.length - 1];
      if (!last || batch.length < size) return;
      before = { at: last.createdAt, id: last.id };
    }
  }
}
