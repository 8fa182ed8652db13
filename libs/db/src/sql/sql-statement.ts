import type { SqlDialect } from '../database.options';

/**
 * One SQL statement written once with `?` placeholders and kept in both dialects' spelling
 * (PostgreSQL numbers them: `$1`, `$2`, …). Built once per statement shape at module load,
 * so a hot path hands the driver the same text every time: better-sqlite3 reuses its
 * prepared statement, and nothing parses or rewrites SQL per request.
 *
 * The text must not hold a `?` other than placeholders (no `?` in literals, no jsonb `?`
 * operator): statements are the application's own, never built from input.
 */
export class SqlStatement {
  readonly sqlite: string;
  readonly postgres: string;

  constructor(text: string) {
    this.sqlite = text;
    let index = 0;
    this.postgres = text.replace(/\?/g, () => `$${(index += 1)}`);
  }

  text(dialect: SqlDialect): string {
    return dialect === 'postgres' ? this.postgres : this.sqlite;
  }

  /** The same statement with more SQL after it (`FOR UPDATE`, an ORDER BY …). */
  append(text: string): SqlStatement {
    return new SqlStatement(`${this.sqlite} ${text}`);
  }
}

const NAMED_PARAMETER = /:([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * A fragment with TypeORM-style named parameters (`:f0`, as the SCIM filter compiler writes
 * them) turned into positional ones, its values appended to `values` in order. Names that
 * are not parameters (PostgreSQL's `::boolean` casts) are left as they are. `offset` is the
 * number of positional values already bound before the fragment (for `$n` numbering).
 */
export function bindNamedParameters(
  fragment: string,
  parameters: Readonly<Record<string, unknown>>,
  dialect: SqlDialect,
  values: unknown[],
): string {
  return fragment.replace(NAMED_PARAMETER, (whole, name: string, at: number) => {
    if (fragment[at - 1] === ':' || !Object.prototype.hasOwnProperty.call(parameters, name)) {
      return whole;
    }
    values.push(parameters[name]);
    return dialect === 'postgres' ? `$${values.length}` : '?';
  });
}

/** `?` placeholders of a statement built at run time, numbered from `first` on PostgreSQL. */
export function positional(text: string, dialect: SqlDialect, first = 1): string {
  if (dialect !== 'postgres') return text;
  let index = first - 1;
  return text.replace(/\?/g, () => `$${(index += 1)}`);
}
