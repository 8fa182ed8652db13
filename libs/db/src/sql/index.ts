export { SqlRunner, totalOfPage } from './sql-runner';
export { SqlStatement, bindNamedParameters, positional } from './sql-statement';
export { inIdList, sqlValues } from './sql-values';
export type { SqlValues } from './sql-values';
