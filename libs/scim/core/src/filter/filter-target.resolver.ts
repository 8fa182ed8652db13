import { ScimError } from '../errors/scim-error';
import { printAttributePath } from '../path/attribute-path.scanner';
import type { AttributePath } from '../path/attribute-path.types';
import type { ColumnMapping, FilterTarget, MultiValuedMapping } from './filter-sql.types';

/** What an attribute path designates in a FilterTarget. */
export type ResolvedFilterAttribute =
  | { kind: 'column'; name: string; mapping: ColumnMapping }
  | { kind: 'multi'; name: string; mapping: MultiValuedMapping; sub?: ColumnMapping }
  /** A single-valued complex attribute (`name`) whose sub-attributes are columns. */
  | { kind: 'complex'; name: string; key: string; columns: ColumnMapping[] };

/**
 * Resolves a path against the mapping, case-insensitively (RFC 7643 §2.1). The core schema
 * URN is optional; an unqualified name that is not a core attribute resolves to the one
 * extension attribute of that name, because Entra sends the custom `roleName` both bare and
 * URN-qualified. Unknown or ambiguous → ScimError.invalidFilter naming the attribute.
 */
export function resolveFilterAttribute(
  path: AttributePath,
  target: FilterTarget,
): ResolvedFilterAttribute {
  const name = printAttributePath(path);
  const attr = path.attribute.toLowerCase();
  const sub = path.subAttribute?.toLowerCase();
  const schema = path.schema?.toLowerCase();

  if (schema !== undefined && schema !== target.coreSchema.toLowerCase()) {
    const extension = target.extensionSchemas.find((s) => s.toLowerCase() === schema);
    const found = extension ? lookup(target, `${schema}:`, attr, sub, name) : undefined;
    if (!found) throw unknownAttribute(name);
    return found;
  }

  const core = lookup(target, '', attr, sub, name);
  if (core) return core;
  if (schema === undefined) {
    const matches = target.extensionSchemas.flatMap((s) => {
      const found = lookup(target, `${s.toLowerCase()}:`, attr, sub, name);
      return found ? [found] : [];
    });
    if (matches.length > 1) {
      throw ScimError.invalidFilter(
        `The attribute '${name}' is ambiguous: qualify it with its schema URN.`,
      );
    }
    if (matches[0]) return matches[0];
  }
  throw unknownAttribute(name);
}

function lookup(
  target: FilterTarget,
  prefix: string,
  attr: string,
  sub: string | undefined,
  name: string,
): ResolvedFilterAttribute | undefined {
  const key = `${prefix}${attr}`;
  const full = sub === undefined ? key : `${key}.${sub}`;
  const direct = own(target.attributes, full);
  if (direct?.kind === 'column') return { kind: 'column', name, mapping: direct };

  const base = own(target.attributes, key);
  if (base?.kind === 'multi') {
    if (sub === undefined) return { kind: 'multi', name, mapping: base };
    const subMapping = own(base.subAttributes, sub);
    return subMapping ? { kind: 'multi', name, mapping: base, sub: subMapping } : undefined;
  }
  if (sub === undefined && base === undefined) {
    const columns = Object.entries(target.attributes).flatMap(([k, m]) =>
      k.startsWith(`${key}.`) && m.kind === 'column' ? [m] : [],
    );
    if (columns.length > 0) return { kind: 'complex', name, key, columns };
  }
  return undefined;
}

/** Strings and references: the types compared as text (RFC 7643 §2.3.1, §2.3.7). */
export function isTextMapping(mapping: ColumnMapping): boolean {
  return mapping.type === 'string' || mapping.type === 'reference';
}

/** Own-property lookup: a filter naming `constructor` must not find Object.prototype's. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function unknownAttribute(name: string): ScimError {
  return ScimError.invalidFilter(`Unknown attribute '${name}' in filter.`);
}
