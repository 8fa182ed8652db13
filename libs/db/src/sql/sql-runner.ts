import type { DataSource, EntityManager } from 'typeorm';
import type { SqlDialect } from '../database.options';
import { dialectOf } from '../dialect';
import type { Tx } from '../tx';
import type { SqlStatement } from './sql-statement';
import { sqlValues, type SqlValues } from './sql-values';

/**
 * What a store needs to run its own SQL through TypeORM's query runner: the dialect, its
 * value encodings, and statements run in the caller's transaction when there is one.
 */
export class SqlRunner {
  readonly dialect: SqlDialect;
  readonly values: SqlValues;

  constructor(private readonly dataSource: DataSource) {
    this.dialect = dialectOf(dataSource);
    this.values = sqlValues(this.dialect);
  }

  /**
   * A fixed statement, inside `manager`'s transaction when given one. Its rows, also for an
   * UPDATE or DELETE … RETURNING (for which TypeORM's pg driver answers `[rows, count]`).
   */
  async run<Row = Record<string, unknown>>(
    transaction: EntityManager | Tx | undefined,
    statement: SqlStatement,
    parameters: readonly unknown[],
  ): Promise<Row[]> {
    const manager = (transaction as EntityManager | undefined) ?? this.dataSource.manager;
    const result: unknown = await manager.query(
      statement.text(this.dialect),
      parameters as unknown[],
    );
    // Rows are objects, never arrays: `[array, number]` can only be that pair.
    if (
      Array.isArray(result) &&
      result.length === 2 &&
      Array.isArray(result[0]) &&
      typeof result[1] === 'number'
    ) {
      return result[0] as Row[];
    }
    return result as Row[];
  }

  /** SQL put together at run time (a compiled filter), outside any transaction. */
  query<Row = Record<string, unknown>>(
    text: string,
    parameters: readonly unknown[],
  ): Promise<Row[]> {
    return this.dataSource.query(text, parameters as unknown[]) as Promise<Row[]>;
  }

  /** The positional placeholder for the `position`-th bound value (1-based). */
  placeholder(position: number): string {
    return this.dialect === 'postgres' ? `$${position}` : '?';
  }

  /** `COUNT(*)` of `from` under `where` (whose values are `parameters`). */
  async count(from: string, where: string, parameters: readonly unknown[]): Promise<number> {
    const rows = await this.query<{ total: unknown }>(
      `SELECT COUNT(*) AS total FROM ${from} WHERE ${where}`,
      parameters,
    );
    return this.values.readCount(rows[0]?.total ?? 0);
  }
}

/**
 * A list's total from the page it returned where that is enough: a page that is not full ends
 * the list (every `eq` look-up Entra makes), and an empty first page means none. Otherwise
 * `countAll` is asked.
 */
export function totalOfPage(
  startIndex: number,
  count: number,
  found: number,
  countAll: () => Promise<number>,
): Promise<number> {
  if (found > 0 && found < count) return Promise.resolve(startIndex - 1 + found);
  if (found === 0 && startIndex === 1 && count > 0) return Promise.resolve(0);
  return countAll();
}
