import { ScimError } from '../errors/scim-error';

export type ScimSortOrder = 'ascending' | 'descending';

export interface ListQuery {
  filter?: string;
  startIndex: number;
  count: number;
  sortBy?: string;
  sortOrder: ScimSortOrder;
  attributes: string[];
  excludedAttributes: string[];
}

export interface ListQueryLimits {
  maxCount: number;
  defaultCount: number;
}

type ParameterName =
  'filter' | 'startIndex' | 'count' | 'sortBy' | 'sortOrder' | 'attributes' | 'excludedAttributes';

const PARAMETER_NAMES: readonly ParameterName[] = [
  'filter',
  'startIndex',
  'count',
  'sortBy',
  'sortOrder',
  'attributes',
  'excludedAttributes',
];

// Parameter names are case-insensitive (RFC 7644 §3.4.2: Entra sends `startIndex`, other
// clients `startindex`). Anything else, like Entra's `aadOptscim062020` flag or a
// SearchRequest's `schemas`, is not ours to judge and is ignored.
function collectParameters(input: Record<string, unknown>): Map<ParameterName, unknown[]> {
  const byLowerName = new Map(PARAMETER_NAMES.map((name) => [name.toLowerCase(), name]));
  const found = new Map<ParameterName, unknown[]>();
  for (const [key, value] of Object.entries(input)) {
    const name = byLowerName.get(key.toLowerCase());
    if (!name || value === undefined || value === null) continue;
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    found.set(name, [...(found.get(name) ?? []), ...values]);
  }
  return found;
}

/** A parameter that must appear once; blank strings count as absent (`?filter=`). */
function single(name: ParameterName, values: unknown[] | undefined): unknown {
  const present = (values ?? []).filter((v) => !(typeof v === 'string' && v.trim() === ''));
  if (present.length > 1) {
    throw ScimError.invalidValue(`The "${name}" parameter must be given at most once.`);
  }
  return present[0];
}

function optionalString(name: ParameterName, values: unknown[] | undefined): string | undefined {
  const value = single(name, values);
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw ScimError.invalidValue(`The "${name}" parameter must be a string.`);
  }
  return value.trim();
}

function optionalInteger(name: ParameterName, values: unknown[] | undefined): number | undefined {
  const value = single(name, values);
  if (value === undefined) return undefined;
  const parsed =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^[+-]?\d+$/.test(value.trim())
        ? Number(value.trim())
        : Number.NaN;
  if (!Number.isInteger(parsed)) {
    throw ScimError.invalidValue(`The "${name}" parameter must be an integer.`);
  }
  return parsed;
}

function attributeList(name: ParameterName, values: unknown[] | undefined): string[] {
  return (values ?? []).flatMap((value) => {
    if (typeof value !== 'string') {
      throw ScimError.invalidValue(`The "${name}" parameter must be a list of attribute names.`);
    }
    return value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0);
  });
}

function sortOrder(values: unknown[] | undefined): ScimSortOrder {
  const value = optionalString('sortOrder', values);
  if (value === undefined) return 'ascending';
  const lower = value.toLowerCase();
  if (lower === 'ascending' || lower === 'descending') return lower;
  throw ScimError.invalidValue('The "sortOrder" parameter must be "ascending" or "descending".');
}

/**
 * Reads list parameters from a GET query string (strings, arrays when repeated) or a
 * POST /.search body (RFC 7644 §3.4.3: numbers, arrays of attribute names) into one shape.
 */
export function parseListQuery(input: Record<string, unknown>, limits: ListQueryLimits): ListQuery {
  const params = collectParameters(input);
  const clampCount = (count: number): number => Math.min(Math.max(count, 0), limits.maxCount);

  // RFC 7644 §3.4.2.4: startIndex below 1 is read as 1, a negative count as 0, and a count
  // above what we serve is lowered to our maximum rather than refused.
  const startIndex = Math.max(optionalInteger('startIndex', params.get('startIndex')) ?? 1, 1);
  const count = clampCount(optionalInteger('count', params.get('count')) ?? limits.defaultCount);
  const filter = optionalString('filter', params.get('filter'));
  const sortBy = optionalString('sortBy', params.get('sortBy'));

  return {
    ...(filter ? { filter } : {}),
    startIndex,
    count,
    ...(sortBy ? { sortBy } : {}),
    sortOrder: sortOrder(params.get('sortOrder')),
    attributes: attributeList('attributes', params.get('attributes')),
    excludedAttributes: attributeList('excludedAttributes', params.get('excludedAttributes')),
  };
}
