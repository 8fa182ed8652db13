import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventTypeName } from '@rollcall/contracts';
import {
  SqlStatement,
  dialectOf,
  inIdList,
  inTransaction,
  sqlValues,
  type SqlValues,
} from '@rollcall/db';
import type { DirectoryEvent } from '../domain/directory-event';

interface EventRow {
  organization_id: string;
  sequence: string | number;
  id: string;
  type: string;
  actor: string;
  subject_type: string;
  subject_id: string | null;
  data: unknown;
  created_at: unknown;
  client_ip: string | null;
}

export interface EventQuery {
  organizationId: string;
  /** Ascending from after this sequence (Events API, webhook fan-out)… */
  after?: number;
  /** …or descending from before it (the Activity page, newest first). */
  before?: number;
  limit: number;
  types?: readonly EventTypeName[];
  /** Actor kinds (`admin`, `api_key`, …) to keep. */
  actorKinds?: readonly string[];
  /** One actor exactly. */
  actor?: string;
}

/**
 * `actor` is one of the kinds (`cli`) or starts with `<kind>:`. The kind goes into LIKE with
 * its `_` and `%` escaped: `api_key:%` must not also match `apixkey:…`.
 */
function actorKindCondition(kinds: readonly string[]): { sql: string; parameters: string[] } {
  const parameters: string[] = [];
  for (const kind of kinds) parameters.push(kind, `${kind.replace(/[\\%_]/g, (c) => `\\${c}`)}:%`);
  return {
    sql: `(${kinds.map(() => `actor = ? OR actor LIKE ? ESCAPE '\\'`).join(' OR ')})`,
    parameters,
  };
}

const COLUMNS =
  'organization_id, sequence, id, type, actor, subject_type, subject_id, data, created_at, client_ip';

/** Reads the outbox (written by `appendEvents` in the changes' own transactions) and ages it out. */
@Injectable()
export class EventStore {
  private readonly values: SqlValues;

  constructor(private readonly dataSource: DataSource) {
    this.values = sqlValues(dialectOf(dataSource));
  }

  async list(query: EventQuery): Promise<DirectoryEvent[]> {
    const dialect = this.values.dialect;
    const where = ['organization_id = ?'];
    const parameters: unknown[] = [query.organizationId];
    const descending = query.after === undefined;
    if (query.after !== undefined) {
      where.push('sequence > ?');
      parameters.push(query.after);
    } else if (query.before !== undefined) {
      where.push('sequence < ?');
      parameters.push(query.before);
    }
    if (query.types && query.types.length > 0) {
      where.push(inIdList('type', dialect));
      parameters.push(this.values.idList(query.types));
    }
    if (query.actorKinds && query.actorKinds.length > 0) {
      const kinds = actorKindCondition(query.actorKinds);
      where.push(kinds.sql);
      parameters.push(...kinds.parameters);
    }
    if (query.actor !== undefined) {
      where.push('actor = ?');
      parameters.push(query.actor);
    }
    parameters.push(query.limit);
    const statement = new SqlStatement(
      `SELECT ${COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY sequence ${descending ? 'DESC' : 'ASC'} LIMIT ?`,
    );
    const rows = (await this.dataSource.query(statement.text(dialect), parameters)) as EventRow[];
    return rows.map((row) => this.toEvent(row));
  }

  /**
   * The distinct actors of the organization's events whose kind is one of `actorKinds`,
   * grouped in SQL (events are kept for the retention window only), at most `limit`.
   */
  async actors(
    organizationId: string,
    actorKinds: readonly string[],
    limit: number,
  ): Promise<string[]> {
    const kinds = actorKindCondition(actorKinds);
    const parameters: unknown[] = [organizationId, ...kinds.parameters, limit];
    const statement = new SqlStatement(
      `SELECT actor FROM events WHERE organization_id = ? AND ${kinds.sql}
       GROUP BY actor ORDER BY MAX(sequence) DESC LIMIT ?`,
    );
    const rows = (await this.dataSource.query(statement.text(this.values.dialect), parameters)) as {
      actor: string;
    }[];
    return rows.map((row) => row.actor);
  }

  /** The organization's last sequence: where a new consumer starts to read only what comes. */
  async lastSequence(organizationId: string): Promise<number> {
    const rows = (await this.dataSource.query(lastSequence.text(this.values.dialect), [
      organizationId,
    ])) as { last_sequence: string | number }[];
    return Number(rows[0]?.last_sequence ?? 0);
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    // In a transaction of its own: on SQLite a bare statement would join whatever transaction
    // holds the shared connection at that moment.
    return inTransaction(this.dataSource, async (manager) => {
      const runner = manager.queryRunner;
      if (!runner) throw new Error('A transaction manager has a query runner.');
      const result = await runner.query(
        deleteOlder.text(this.values.dialect),
        [this.values.timestamp(cutoff)],
        true,
      );
      return result.affected ?? 0;
    });
  }

  private toEvent(row: EventRow): DirectoryEvent {
    return {
      organizationId: row.organization_id,
      sequence: Number(row.sequence),
      id: row.id,
      type: row.type as EventTypeName,
      actor: row.actor,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      data: this.values.readJson<Record<string, unknown>>(row.data),
      createdAt: this.values.readDate(row.created_at),
      clientIp: row.client_ip,
    };
  }
}

const lastSequence = new SqlStatement(
  'SELECT last_sequence FROM event_sequences WHERE organization_id = ?',
);
const deleteOlder = new SqlStatement('DELETE FROM events WHERE created_at < ?');
