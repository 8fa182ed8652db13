import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProvisioningLogEntity } from '../persistence/provisioning-log.entity';

export interface ProvisioningLogQuery {
  /** `failed` (status ≥ 400), `succeeded` (< 400), or one exact status code. */
  status?: 'failed' | 'succeeded' | number;
  resourceType?: 'User' | 'Group';
  resourceId?: string;
  method?: string;
  since?: Date;
  until?: Date;
  /** 1–200, newest first. */
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

export interface ProvisioningLogPage {
  entries: ProvisioningLogEntity[];
  nextCursor: string | null;
}

function encodeCursor(entry: ProvisioningLogEntity): string {
  return Buffer.from(`${entry.createdAt.toISOString()}|${entry.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = at ? new Date(at) : null;
  return date && id && !Number.isNaN(date.getTime()) ? { at: date, id } : null;
}

/** The provisioning log of one organization, newest first, keyset-paged. */
@Injectable()
export class ListProvisioningLog {
  constructor(private readonly dataSource: DataSource) {}

  async execute(organizationId: string, query: ProvisioningLogQuery): Promise<ProvisioningLogPage> {
    const limit = Math.min(Math.max(query.limit, 1), 200);
    const qb = this.dataSource
      .getRepository(ProvisioningLogEntity)
      .createQueryBuilder('l')
      .where('l.organization_id = :organizationId', { organizationId });
    if (query.status === 'failed') qb.andWhere('l.status >= 400');
    else if (query.status === 'succeeded') qb.andWhere('l.status < 400');
    else if (typeof query.status === 'number')
      qb.andWhere('l.status = :status', { status: query.status });
    if (query.resourceType) qb.andWhere('l.resource_type = :type', { type: query.resourceType });
    if (query.resourceId) qb.andWhere('l.resource_id = :rid', { rid: query.resourceId });
    if (query.method) qb.andWhere('l.method = :method', { method: query.method.toUpperCase() });
    if (query.since) qb.andWhere('l.created_at >= :since', { since: query.since });
    if (query.until) qb.andWhere('l.created_at < :until', { until: query.until });
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    if (after) {
      qb.andWhere('(l.created_at < :at OR (l.created_at = :at AND l.id < :id))', after);
    }
    const rows = await qb
      .orderBy('l.created_at', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const entries = rows.slice(0, limit);
    const last = entries[entries.length - 1];
    return { entries, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
  }
}
