import { ScimError } from '../errors/scim-error';
import { parseIsoDateTime } from '../filter/filter-value.encoder';
import type { CompareOperator, FilterNode, FilterValue } from '../filter/filter.types';
import { printAttributePath } from '../path/attribute-path.scanner';
import type { ScimAttributeDefinition } from '../schema/schema.types';
import { getAttribute, isJsonObject } from './json-object.accessor';
import type { ScimJsonObject } from './patch.types';

/**
 * Whether one value of a multi-valued complex attribute matches the valFilter of a PATCH path
 * (`emails[type eq "work"]`), with RFC 7644 §3.4.2.2 semantics evaluated in memory: the
 * resource is already loaded for the update. A name that is not a sub-attribute →
 * invalidPath (RFC 7644 §3.5.2: the path is invalid).
 */
export function matchesValueFilter(
  item: unknown,
  filter: FilterNode,
  attribute: ScimAttributeDefinition,
): boolean {
  if (!isJsonObject(item)) return false;
  switch (filter.kind) {
    case 'and':
      return (
        matchesValueFilter(item, filter.left, attribute) &&
        matchesValueFilter(item, filter.right, attribute)
      );
    case 'or':
      return (
        matchesValueFilter(item, filter.left, attribute) ||
        matchesValueFilter(item, filter.right, attribute)
      );
    case 'not':
      return !matchesValueFilter(item, filter.filter, attribute);
    case 'present': {
      const value = getAttribute(item, subAttributeOf(attribute, filter.path).name);
      return value !== undefined && value !== null && value !== '';
    }
    case 'compare': {
      const sub = subAttributeOf(attribute, filter.path);
      return compare(getAttribute(item, sub.name), filter.op, filter.value, sub);
    }
    case 'valuePath':
      throw ScimError.invalidPath('Value filters cannot be nested.');
  }
}

/**
 * The sub-attribute values a filter pins down with `eq` joined by `and`, e.g.
 * `{ type: 'work' }` for `[type eq "work"]`: the value Entra expects us to create when it
 * "adds" or "replaces" `emails[type eq "work"].value` on a user without a work email.
 * Undefined when the filter does not determine one value (`or`, `co`, …).
 */
export function valueFilterTemplate(
  filter: FilterNode,
  attribute: ScimAttributeDefinition,
): ScimJsonObject | undefined {
  if (filter.kind === 'compare' && filter.op === 'eq' && filter.value !== null) {
    return { [subAttributeOf(attribute, filter.path).name]: filter.value };
  }
  if (filter.kind === 'and') {
    const left = valueFilterTemplate(filter.left, attribute);
    const right = valueFilterTemplate(filter.right, attribute);
    if (!left || !right) return undefined;
    const conflict = Object.keys(right).some((k) => k in left && left[k] !== right[k]);
    return conflict ? undefined : { ...left, ...right };
  }
  return undefined;
}

function subAttributeOf(
  attribute: ScimAttributeDefinition,
  path: { schema?: string; attribute: string; subAttribute?: string },
): ScimAttributeDefinition {
  const lower = path.attribute.toLowerCase();
  const sub =
    path.schema === undefined && path.subAttribute === undefined
      ? attribute.subAttributes?.find((s) => s.name.toLowerCase() === lower)
      : undefined;
  if (!sub) {
    throw ScimError.invalidPath(
      `'${printAttributePath(path)}' is not a sub-attribute of '${attribute.name}'.`,
    );
  }
  return sub;
}

function compare(
  actual: unknown,
  op: CompareOperator,
  expected: FilterValue,
  sub: ScimAttributeDefinition,
): boolean {
  if (expected === null) {
    const absent = actual === undefined || actual === null || actual === '';
    return op === 'eq' ? absent : op === 'ne' ? !absent : false;
  }
  if (actual === undefined || actual === null) return op === 'ne';
  const [a, e] = comparable(actual, expected, sub);
  if (a === undefined || e === undefined) return op === 'ne';
  switch (op) {
    case 'eq':
      return a === e;
    case 'ne':
      return a !== e;
    case 'co':
      return typeof a === 'string' && typeof e === 'string' && a.includes(e);
    case 'sw':
      return typeof a === 'string' && typeof e === 'string' && a.startsWith(e);
    case 'ew':
      return typeof a === 'string' && typeof e === 'string' && a.endsWith(e);
    case 'gt':
      return typeof a !== 'boolean' && a > e;
    case 'ge':
      return typeof a !== 'boolean' && a >= e;
    case 'lt':
      return typeof a !== 'boolean' && a < e;
    case 'le':
      return typeof a !== 'boolean' && a <= e;
  }
}

type Comparable = string | number | boolean | undefined;

// Both sides in one comparable form: lower-cased for caseExact:false strings (RFC 7643
// §2.3.1), epoch millis for dateTime, and "True"/"False" accepted for booleans.
function comparable(
  actual: unknown,
  expected: string | number | boolean,
  sub: ScimAttributeDefinition,
): [Comparable, Comparable] {
  switch (sub.type) {
    case 'boolean':
      return [toBoolean(actual), toBoolean(expected)];
    case 'integer':
    case 'decimal':
      return [toNumber(actual), toNumber(expected)];
    case 'dateTime':
      return [toMillis(actual), toMillis(expected)];
    case 'string':
    case 'reference':
    case 'binary':
    case 'complex': {
      if (typeof actual !== 'string' || typeof expected !== 'string') return [undefined, undefined];
      return sub.caseExact ? [actual, expected] : [actual.toLowerCase(), expected.toLowerCase()];
    }
  }
}

function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const lower = typeof value === 'string' ? value.toLowerCase() : '';
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

function toNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function toMillis(value: unknown): number | undefined {
  return typeof value === 'string' ? parseIsoDateTime(value)?.getTime() : undefined;
}
