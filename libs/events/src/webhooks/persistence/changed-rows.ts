import type { EntityManager } from 'typeorm';
import type { SqlRunner, SqlStatement } from '@rollcall/db';

/**
 * The rows an `UPDATE … RETURNING` / `DELETE … RETURNING` changed, in both dialects: TypeORM
 * answers such statements on PostgreSQL with `[rows, rowCount]` and on SQLite with the rows.
 */
export async function changedRows<Row>(
  sql: SqlRunner,
  manager: EntityManager,
  statement: SqlStatement,
  parameters: readonly unknown[],
): Promise<Row[]> {
  const result: unknown = await manager.query(statement.text(sql.dialect), [...parameters]);
  if (Array.isArray(result) && Array.isArray(result[0])) return result[0] as Row[];
  return Array.isArray(result) ? (result as Row[]) : [];
}
