// The contract between the filter compiler and a persistence layer: the store describes how
// SCIM attributes map to its tables, the compiler only ever emits SQL names found here.

export type SqlDialect = 'sqlite' | 'postgres';

export interface ColumnMapping {
  kind: 'column';
  type: 'string' | 'boolean' | 'dateTime' | 'integer' | 'decimal' | 'reference';
  /** Qualified SQL expression, e.g. 'u.user_name'. */
  column: string;
  /**
   * Indexed copy holding `value.toLowerCase()` (JavaScript lower-casing), used for
   * caseExact:false comparisons so Entra's `userName eq "x"` is an index lookup.
   */
  normalizedColumn?: string;
  caseExact: boolean;
}

export interface MultiValuedMapping {
  kind: 'multi';
  /** e.g. 'user_emails' */
  table: string;
  /** e.g. 'ue' */
  alias: string;
  /** e.g. 'ue.user_id = u.id' */
  correlation: string;
  /** Keys lower-cased: 'value', 'type', 'primary', 'display'. */
  subAttributes: Record<string, ColumnMapping>;
}

export interface FilterTarget {
  dialect: SqlDialect;
  /** e.g. 'urn:ietf:params:scim:schemas:core:2.0:User' */
  coreSchema: string;
  /** e.g. the enterprise and rollcall extension URNs */
  extensionSchemas: string[];
  /**
   * Keys lower-cased. Core attributes unqualified ('username', 'name.givenname',
   * 'meta.lastmodified', 'id', 'externalid', 'emails'); extension attributes qualified
   * ('urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:department').
   */
  attributes: Record<string, ColumnMapping | MultiValuedMapping>;
}

/** Pass straight to TypeORM: `qb.andWhere(where, params)`; params are `:f0`, `:f1`, … */
export interface CompiledFilter {
  where: string;
  params: Record<string, unknown>;
}
