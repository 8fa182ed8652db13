import { ScimError } from '../errors/scim-error';
import { parseIsoDateTime } from '../filter/filter-value.encoder';
import type { ScimAttributeDefinition } from '../schema/schema.types';
import { findKey, isJsonObject } from './json-object.accessor';
import type { ScimJsonObject } from './patch.types';

/**
 * Microsoft's SCIM validator clears an attribute by replacing it with "" or null, so both
 * mean "unassign" (RFC 7644 §3.5.2.3 leaves the meaning of null to the server; RFC 7643 §2.5
 * treats null and unassigned alike). An empty array clears a multi-valued attribute.
 */
export function isClearValue(value: unknown): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Types a single (non-multi) value per its definition. Entra sends booleans as "True"/"False"
 * and integers as strings, so those are converted; anything else of the wrong type is
 * ScimError.invalidValue naming the attribute.
 */
export function coerceSingleValue(
  definition: ScimAttributeDefinition,
  value: unknown,
  name: string,
): unknown {
  switch (definition.type) {
    case 'string':
    case 'reference':
    case 'binary':
      if (typeof value === 'string') return value;
      break;
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const lower = typeof value === 'string' ? value.trim().toLowerCase() : '';
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      break;
    }
    case 'integer': {
      const number =
        typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      if (typeof number === 'number' && Number.isSafeInteger(number)) return number;
      break;
    }
    case 'decimal': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof number === 'number' && Number.isFinite(number)) return number;
      break;
    }
    case 'dateTime':
      if (typeof value === 'string' && parseIsoDateTime(value)) return value;
      break;
    case 'complex':
      return coerceComplex(definition, value, name);
  }
  throw ScimError.invalidValue(
    `The attribute '${name}' expects ${describe(definition)}, got ${JSON.stringify(value)}.`,
  );
}

/** The values of a multi-valued attribute: one value is taken as a list of one. */
export function coerceMultiValue(
  definition: ScimAttributeDefinition,
  value: unknown,
  name: string,
): unknown[] {
  const items = Array.isArray(value) ? value : [value];
  return items
    .filter((item) => !isClearValue(item))
    .map((item) => coerceSingleValue(definition, item, name));
}

function coerceComplex(
  definition: ScimAttributeDefinition,
  value: unknown,
  name: string,
): ScimJsonObject {
  const subAttributes = definition.subAttributes ?? [];
  const valueSub = subAttributes.find((s) => s.name === 'value');
  // Entra sends the enterprise manager as a bare id: `"value": "2819c223-…"`. Only a
  // single-valued attribute may be written so; `emails: "x"` is a type error.
  if (
    valueSub &&
    !definition.multiValued &&
    (typeof value === 'string' || typeof value === 'number')
  ) {
    return { value: coerceSingleValue(valueSub, String(value), `${name}.value`) };
  }
  if (!isJsonObject(value)) {
    throw ScimError.invalidValue(
      `The attribute '${name}' expects an object, got ${JSON.stringify(value)}.`,
    );
  }
  const result: ScimJsonObject = {};
  for (const sub of subAttributes) {
    const key = findKey(value, sub.name);
    if (key === undefined) continue;
    const subValue = value[key];
    // readOnly sub-attributes (manager.displayName, members.display) are the server's to
    // compute: ignored like readOnly values in a PUT (RFC 7644 §3.5.1). Unknown keys
    // ($ref: null from Entra, vendor additions) are dropped the same way.
    if (sub.mutability === 'readOnly' || isClearValue(subValue)) continue;
    result[sub.name] = coerceSingleValue(sub, subValue, `${name}.${sub.name}`);
  }
  return result;
}

function describe(definition: ScimAttributeDefinition): string {
  switch (definition.type) {
    case 'boolean':
      return 'true or false';
    case 'integer':
      return 'an integer';
    case 'decimal':
      return 'a number';
    case 'dateTime':
      return 'an ISO 8601 dateTime';
    case 'complex':
      return 'an object';
    case 'string':
    case 'reference':
    case 'binary':
      return 'a string';
  }
}
