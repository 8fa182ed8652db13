import { ScimError } from '../errors/scim-error';
import { parseAttributePath } from '../path/attribute-path.parser';
import type { AttributePath } from '../path/attribute-path.types';
import type { ColumnMapping, FilterTarget, MultiValuedMapping } from './filter-sql.types';
import { isTextMapping, own, resolveFilterAttribute } from './filter-target.resolver';

/**
 * The SQL expression to ORDER BY for a sortBy path (RFC 7644 §3.4.2.3). Case-insensitive
 * strings sort on their lower-cased form; a multi-valued attribute sorts by its primary value,
 * else any value, as §3.4.2.3 asks. A malformed or unknown path is ScimError.invalidValue:
 * §3.4.2.3 names no scimType for it, and sortBy is a parameter value, not a filter.
 */
export function compileSortBy(path: string, target: FilterTarget): string {
  let parsed: AttributePath;
  try {
    parsed = parseAttributePath(path);
    const resolved = resolveFilterAttribute(parsed, target);
    switch (resolved.kind) {
      case 'column':
        return sortExpression(resolved.mapping);
      case 'multi':
        return multiSortExpression(resolved.mapping, resolved.sub, target);
      case 'complex':
        break;
    }
  } catch (error) {
    if (!(error instanceof ScimError)) throw error;
    throw ScimError.invalidValue(`Cannot sort by '${path}': ${error.message}`);
  }
  throw ScimError.invalidValue(`Cannot sort by the complex attribute '${path}'.`);
}

function sortExpression(mapping: ColumnMapping): string {
  if (isTextMapping(mapping) && !mapping.caseExact) {
    return mapping.normalizedColumn ?? `LOWER(${mapping.column})`;
  }
  return mapping.column;
}

function multiSortExpression(
  mapping: MultiValuedMapping,
  sub: ColumnMapping | undefined,
  target: FilterTarget,
): string {
  const value = sub ?? own(mapping.subAttributes, 'value');
  if (!value) throw ScimError.invalidValue('The attribute has no value to sort by.');
  const primary = own(mapping.subAttributes, 'primary');
  const truth = target.dialect === 'sqlite' ? '1' : 'TRUE';
  const order = primary ? ` ORDER BY CASE WHEN ${primary.column} = ${truth} THEN 0 ELSE 1 END` : '';
  return `(SELECT ${sortExpression(value)} FROM ${mapping.table} ${mapping.alias} WHERE ${mapping.correlation}${order} LIMIT 1)`;
}
