import { ScimError } from '../errors/scim-error';
import { printAttributePath } from '../path/attribute-path.scanner';
import type { AttributePath } from '../path/attribute-path.types';
import type { CompareOperator, FilterNode, FilterValue } from './filter.types';
import type {
  ColumnMapping,
  CompiledFilter,
  FilterTarget,
  MultiValuedMapping,
} from './filter-sql.types';
import { isTextMapping, own, resolveFilterAttribute } from './filter-target.resolver';
import { encodeFilterValue } from './filter-value.encoder';

const PARAM_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ORDERING: Partial<Record<CompareOperator, string>> = { gt: '>', ge: '>=', lt: '<', le: '<=' };

/** Where attribute names in a (sub-)filter are looked up. */
type Scope =
  | { kind: 'root' }
  /** Inside `emails[...]`: names are sub-attributes of one row of the value table. */
  | { kind: 'multi'; name: string; mapping: MultiValuedMapping }
  /** Inside `name[...]`: names are sub-attributes of a single-valued complex attribute. */
  | { kind: 'complex'; name: string; key: string };

/**
 * Compiles a filter to a parameterised WHERE fragment (TypeORM named parameters `:f0`, …) for
 * `qb.andWhere(where, params)` on sqlite and postgres. Values only ever travel as parameters;
 * SQL names come only from `target`.
 *
 * NULL handling: every comparison with an absent (NULL) attribute is false, except `ne`,
 * which is true (RFC 7644 §3.4.2.2: "ne" matches when the values are not equal, and an
 * unassigned attribute equals nothing). `not (…)` is two-valued: it matches every row the
 * inner filter does not match, NULLs included. `x eq null` ≡ `not (x pr)`.
 *
 * Multi-valued attributes (RFC 7644 §3.4.2.2: a filter on a multi-valued attribute matches if
 * any value matches) compile to EXISTS over the value table; all conditions in one
 * `emails[...]` share one EXISTS so they hold for the same value.
 */
export function compileFilter(
  ast: FilterNode,
  target: FilterTarget,
  paramPrefix = 'f',
): CompiledFilter {
  if (!PARAM_PREFIX.test(paramPrefix)) {
    throw new TypeError(`Invalid SQL parameter prefix '${paramPrefix}'.`);
  }
  const compiler = new FilterSqlCompiler(target, paramPrefix);
  const where = compiler.node(ast, { kind: 'root' });
  return { where, params: compiler.params };
}

class FilterSqlCompiler {
  readonly params: Record<string, unknown> = {};
  private counter = 0;

  constructor(
    private readonly target: FilterTarget,
    private readonly prefix: string,
  ) {}

  node(node: FilterNode, scope: Scope): string {
    switch (node.kind) {
      case 'and':
        return `(${this.node(node.left, scope)} AND ${this.node(node.right, scope)})`;
      case 'or':
        return `(${this.node(node.left, scope)} OR ${this.node(node.right, scope)})`;
      case 'not':
        // COALESCE makes the inner result two-valued, so `not (userName eq "x")` also
        // matches users whose userName is NULL instead of dropping them as UNKNOWN.
        return `NOT COALESCE(${this.node(node.filter, scope)}, ${this.falseLiteral()})`;
      case 'present':
        return this.present(node.path, scope);
      case 'compare':
        return this.compare(node.path, node.op, node.value, scope);
      case 'valuePath':
        return this.valuePath(node.path, node.filter, scope);
    }
  }

  private present(path: AttributePath, scope: Scope): string {
    if (scope.kind !== 'root') return this.presentColumn(this.scopedColumn(path, scope));
    const resolved = resolveFilterAttribute(path, this.target);
    switch (resolved.kind) {
      case 'column':
        return this.presentColumn(resolved.mapping);
      case 'multi':
        // `emails pr`: at least one value row; `emails.type pr`: one with a type.
        return this.exists(
          resolved.mapping,
          resolved.sub ? this.presentColumn(resolved.sub) : undefined,
        );
      case 'complex':
        return `(${resolved.columns.map((c) => this.presentColumn(c)).join(' OR ')})`;
    }
  }

  private compare(path: AttributePath, op: CompareOperator, value: FilterValue, scope: Scope) {
    const name = printAttributePath(path);
    if (scope.kind !== 'root') {
      return this.compareColumn(this.scopedColumn(path, scope), op, value, name);
    }
    const resolved = resolveFilterAttribute(path, this.target);
    switch (resolved.kind) {
      case 'column':
        return this.compareColumn(resolved.mapping, op, value, name);
      case 'multi': {
        // RFC 7643 §2.4: `value` is the significant sub-attribute, so `emails eq "x"`
        // compares emails.value.
        const column = resolved.sub ?? own(resolved.mapping.subAttributes, 'value');
        if (!column) throw ScimError.invalidFilter(`'${name}' needs a sub-attribute to compare.`);
        return this.exists(resolved.mapping, this.compareColumn(column, op, value, name));
      }
      case 'complex':
        throw ScimError.invalidFilter(
          `'${name}' is a complex attribute: compare one of its sub-attributes.`,
        );
    }
  }

  private valuePath(path: AttributePath, filter: FilterNode, scope: Scope): string {
    const name = printAttributePath(path);
    if (scope.kind !== 'root') {
      throw ScimError.invalidFilter(`Value filters cannot be nested ('${name}[...]').`);
    }
    const resolved = resolveFilterAttribute(path, this.target);
    switch (resolved.kind) {
      case 'multi':
        if (resolved.sub) break;
        return this.exists(
          resolved.mapping,
          this.node(filter, { kind: 'multi', name, mapping: resolved.mapping }),
        );
      case 'complex':
        return this.node(filter, { kind: 'complex', name, key: resolved.key });
      case 'column':
        break;
    }
    throw ScimError.invalidFilter(`'${name}' is not a complex attribute: it takes no [filter].`);
  }

  private scopedColumn(path: AttributePath, scope: Exclude<Scope, { kind: 'root' }>) {
    const sub = path.attribute.toLowerCase();
    const full = `${scope.name}.${printAttributePath(path)}`;
    if (path.schema !== undefined || path.subAttribute !== undefined) {
      throw ScimError.invalidFilter(`Unknown attribute '${full}' in filter.`);
    }
    const mapping =
      scope.kind === 'multi'
        ? own(scope.mapping.subAttributes, sub)
        : own(this.target.attributes, `${scope.key}.${sub}`);
    if (mapping?.kind !== 'column') {
      throw ScimError.invalidFilter(`Unknown attribute '${full}' in filter.`);
    }
    return mapping;
  }

  private exists(mapping: MultiValuedMapping, condition: string | undefined): string {
    const where = condition ? `${mapping.correlation} AND ${condition}` : mapping.correlation;
    return `EXISTS (SELECT 1 FROM ${mapping.table} ${mapping.alias} WHERE ${where})`;
  }

  private presentColumn(mapping: ColumnMapping): string {
    // RFC 7644 §3.4.2.2 "pr": has a non-empty value; an empty string counts as unassigned.
    return isTextMapping(mapping)
      ? `(${mapping.column} IS NOT NULL AND ${mapping.column} <> '')`
      : `${mapping.column} IS NOT NULL`;
  }

  private compareColumn(
    mapping: ColumnMapping,
    op: CompareOperator,
    value: FilterValue,
    name: string,
  ): string {
    if (value === null) {
      if (op === 'eq') return `NOT ${this.presentColumn(mapping)}`;
      if (op === 'ne') return this.presentColumn(mapping);
      throw ScimError.invalidFilter(`'${name} ${op} null' is not a valid comparison.`);
    }
    // RFC 7644 §3.4.2.2: co/sw/ew are string operators and ordering is undefined for booleans.
    const substring = op === 'co' || op === 'sw' || op === 'ew';
    if ((substring && !isTextMapping(mapping)) || (mapping.type === 'boolean' && op in ORDERING)) {
      throw ScimError.invalidFilter(`The operator '${op}' cannot be used with '${name}'.`);
    }
    const encoded = encodeFilterValue(mapping, value, this.target.dialect, name);
    if (isTextMapping(mapping) && typeof encoded === 'string') {
      return this.compareText(mapping, op, encoded);
    }
    const column = mapping.column;
    switch (op) {
      case 'eq':
        return `${column} = ${this.param(encoded)}`;
      case 'ne':
        return `(${column} IS NULL OR ${column} <> ${this.param(encoded)})`;
      case 'gt':
      case 'ge':
      case 'lt':
      case 'le':
        return `${column} ${ORDERING[op] ?? '='} ${this.param(encoded)}`;
      case 'co':
      case 'sw':
      case 'ew':
        break;
    }
    throw ScimError.invalidFilter(`The operator '${op}' cannot be used with '${name}'.`);
  }

  private compareText(mapping: ColumnMapping, op: CompareOperator, value: string): string {
    const caseExact = mapping.caseExact;
    // caseExact:false goes through the indexed lower-cased copy when the store has one.
    const normalized = !caseExact ? mapping.normalizedColumn : undefined;
    const lhs = caseExact ? mapping.column : (normalized ?? `LOWER(${mapping.column})`);
    const rhsValue = normalized ? value.toLowerCase() : value;
    const rhs = (text: string) =>
      caseExact || normalized ? this.param(text) : `LOWER(${this.param(text)})`;

    switch (op) {
      case 'eq':
        return `${lhs} = ${rhs(rhsValue)}`;
      case 'ne':
        return `(${mapping.column} IS NULL OR ${lhs} <> ${rhs(rhsValue)})`;
      case 'gt':
      case 'ge':
      case 'lt':
      case 'le':
        return `${lhs} ${ORDERING[op] ?? '='} ${rhs(rhsValue)}`;
      case 'co':
      case 'sw':
      case 'ew':
        if (caseExact && this.target.dialect === 'sqlite') {
          return this.caseExactSqliteMatch(mapping.column, op, value);
        }
        return `${lhs} LIKE ${rhs(likePattern(op, rhsValue))} ESCAPE '\\'`;
    }
  }

  // sqlite's LIKE ignores ASCII case, so case-exact substring tests use instr/substr.
  private caseExactSqliteMatch(column: string, op: 'co' | 'sw' | 'ew', value: string): string {
    const p = this.param(value);
    switch (op) {
      case 'co':
        return `instr(${column}, ${p}) > 0`;
      case 'sw':
        return `substr(${column}, 1, length(${p})) = ${p}`;
      case 'ew':
        return `substr(${column}, length(${column}) - length(${p}) + 1) = ${p}`;
    }
  }

  private falseLiteral(): string {
    return this.target.dialect === 'sqlite' ? '0' : 'FALSE';
  }

  private param(value: unknown): string {
    const name = `${this.prefix}${this.counter}`;
    this.counter += 1;
    this.params[name] = value;
    return `:${name}`;
  }
}

// LIKE metacharacters in the value are literal: escape them with '\' (ESCAPE '\').
function likePattern(op: 'co' | 'sw' | 'ew', value: string): string {
  const escaped = value.replace(/[\\%_]/g, (c) => `\\${c}`);
  switch (op) {
    case 'co':
      return `%${escaped}%`;
    case 'sw':
      return `${escaped}%`;
    case 'ew':
      return `%${escaped}`;
  }
}
