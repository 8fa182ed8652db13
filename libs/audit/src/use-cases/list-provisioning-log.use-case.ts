import { Injectable } from '@nestjs/common';
import type { ProvisioningLogEntry } from '../domain/provisioning-log-entry';
import { ProvisioningLogStore } from '../persistence/provisioning-log.store';

export interface ProvisioningLogQuery {
  /** `failed` (status ≥ 400), `succeeded` (< 400), or one exact status code. */
  status?: 'failed' | 'succeeded' | number;
  resourceType?: 'User' | 'Group';
  resourceId?: string;
  method?: string;
  /** A user's id, `userName` or `externalId`. */
  user?: string;
  /** A team's id or `displayName`. */
  team?: string;
  since?: Date;
  until?: Date;
  /** 1–200, newest first. */
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

export interface ProvisioningLogPage {
  entries: ProvisioningLogEntry[];
  nextCursor: string | null;
}

function encodeCursor(entry: ProvisioningLogEntry): string {
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
  constructor(private readonly log: ProvisioningLogStore) {}

  async execute(organizationId: string, query: ProvisioningLogQuery): Promise<ProvisioningLogPage> {
    const limit = Math.min(Math.max(query.limit, 1), 200);
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    // One more than the page: whether there is a next page without counting.
    const rows = await this.log.list(
      organizationId,
      {
        status: query.status,
        resourceType: query.resourceType,
        resourceId: query.resourceId,
        method: query.method?.toUpperCase(),
        user: query.user,
        team: query.team,
        since: query.since,
        until: query.until,
        before: after ?? undefined,
      },
      limit + 1,
    );
    const entries = rows.slice(0, limit);
    const last = entries[entries.length - 1];
    return { entries, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
  }
}
