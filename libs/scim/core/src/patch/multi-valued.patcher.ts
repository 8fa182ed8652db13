import { ScimError } from '../errors/scim-error';
import type { FilterNode } from '../filter/filter.types';
import type { ScimAttributeDefinition } from '../schema/schema.types';
import {
  clearAttribute,
  readAttribute,
  writeAttribute,
  type AttributeTarget,
} from './attribute.writer';
import {
  deleteAttribute,
  findKey,
  getAttribute,
  isJsonObject,
  jsonEqual,
} from './json-object.accessor';
import { coerceMultiValue, coerceSingleValue, isClearValue } from './patch-value.coercer';
import type { PatchOpName, ScimJsonObject } from './patch.types';
import { matchesValueFilter, valueFilterTemplate } from './value-filter.matcher';

export interface MultiValuedChange {
  op: PatchOpName;
  /** `emails[…].value`: the sub-attribute after the filter (or `emails.value`). */
  sub?: ScimAttributeDefinition;
  filter?: FilterNode;
  value?: unknown;
}

/** Applies one operation to a multi-valued attribute (RFC 7644 §3.5.2.1–3). */
export function patchMultiValued(target: AttributeTarget, change: MultiValuedChange): void {
  const { attribute } = target;
  const current = readAttribute(target);
  const items = (Array.isArray(current) ? current : current == null ? [] : [current]).map((item) =>
    canonicalItem(item, attribute),
  );
  const touched = new Set<unknown>();
  const clearing = change.op === 'remove' || isClearValue(change.value);
  let next: unknown[];

  if (change.filter) {
    if (attribute.type !== 'complex') {
      throw ScimError.invalidPath(`'${target.name}' has no sub-attributes to filter on.`);
    }
    next = patchFiltered(target, change, change.filter, items, touched);
  } else if (change.sub) {
    next = patchEveryValue(target, change.sub, clearing ? undefined : change.value, items, touched);
  } else if (change.op === 'remove' && change.value !== undefined && !isClearValue(change.value)) {
    // Entra removes group members as `{"op":"Remove","path":"members","value":[{"value":"id"}]}`:
    // RFC 7644 §3.5.2.2 defines no value for remove; we remove the values listed.
    const removals = coerceMultiValue(attribute, change.value, target.name);
    next = items.filter((item) => !removals.some((r) => sameValue(item, r, attribute, true)));
  } else if (clearing) {
    clearAttribute(target);
    return;
  } else if (change.op === 'replace') {
    next = [];
    addValues(next, coerceMultiValue(attribute, change.value, target.name), attribute, touched);
  } else {
    next = items;
    addValues(next, coerceMultiValue(attribute, change.value, target.name), attribute, touched);
  }

  keepOnePrimary(next, touched, attribute);
  if (next.length === 0) clearAttribute(target);
  else writeAttribute(target, next);
}

// RFC 7644 §3.5.2.1: adding a value that is already there does not duplicate it; the new
// sub-attribute values are merged into it instead.
function addValues(
  items: unknown[],
  values: unknown[],
  attribute: ScimAttributeDefinition,
  touched: Set<unknown>,
): void {
  for (const value of values) {
    const existing = items.find((item) => sameValue(item, value, attribute, false));
    if (existing !== undefined && isJsonObject(existing) && isJsonObject(value)) {
      Object.assign(existing, value);
      touched.add(existing);
    } else if (existing === undefined) {
      items.push(value);
      touched.add(value);
    }
  }
}

function patchFiltered(
  target: AttributeTarget,
  change: MultiValuedChange,
  filter: FilterNode,
  items: unknown[],
  touched: Set<unknown>,
): unknown[] {
  const { attribute } = target;
  const { sub } = change;
  const matches = new Set(items.filter((item) => matchesValueFilter(item, filter, attribute)));

  if (change.op === 'remove' || isClearValue(change.value)) {
    if (!sub) return items.filter((item) => !matches.has(item));
    for (const item of matches) if (isJsonObject(item)) deleteAttribute(item, sub.name);
    return items.filter((item) => !(matches.has(item) && isValueless(item, attribute)));
  }

  const subName = sub ? `${target.name}.${sub.name}` : target.name;
  const value = coerceSingleValue(
    sub ?? { ...attribute, multiValued: false },
    change.value,
    subName,
  );

  if (matches.size === 0) {
    // RFC 7644 §3.5.2.3 answers noTarget here, but Entra adds AND replaces
    // `emails[type eq "work"].value` on users without a work email and expects it created.
    const template = valueFilterTemplate(filter, attribute);
    if (!template) {
      throw ScimError.noTarget(`No value of '${target.name}' matches the filter in the path.`);
    }
    const created = coerceSingleValue({ ...attribute, multiValued: false }, template, target.name);
    if (!isJsonObject(created) || (!sub && !isJsonObject(value))) {
      throw ScimError.invalidValue(`The value for '${target.name}' must be an object.`);
    }
    if (sub) created[sub.name] = value;
    else if (isJsonObject(value)) Object.assign(created, value);
    touched.add(created);
    return [...items, created];
  }

  return items.map((item) => {
    if (!matches.has(item) || !isJsonObject(item)) return item;
    if (sub) {
      const existing = getAttribute(item, sub.name);
      if (sub.mutability === 'immutable' && existing != null && !jsonEqual(existing, value)) {
        throw ScimError.mutability(`The attribute '${subName}' is immutable.`);
      }
      item[sub.name] = value;
      touched.add(item);
      return item;
    }
    // RFC 7644 §3.5.2.3: the matching values are replaced; "add" merges into them.
    const replaced = change.op === 'add' && isJsonObject(value) ? { ...item, ...value } : value;
    touched.add(replaced);
    return replaced;
  });
}

function patchEveryValue(
  target: AttributeTarget,
  sub: ScimAttributeDefinition,
  rawValue: unknown,
  items: unknown[],
  touched: Set<unknown>,
): unknown[] {
  if (rawValue === undefined) {
    for (const item of items) if (isJsonObject(item)) deleteAttribute(item, sub.name);
    return items.filter((item) => !isValueless(item, target.attribute));
  }
  const value = coerceSingleValue(sub, rawValue, `${target.name}.${sub.name}`);
  if (items.length === 0) {
    const created: ScimJsonObject = { [sub.name]: value };
    touched.add(created);
    return [created];
  }
  for (const item of items) {
    if (isJsonObject(item)) {
      item[sub.name] = value;
      touched.add(item);
    }
  }
  return items;
}

// RFC 7643 §2.4: `value` is what a multi-valued entry is; without it the entry is dropped.
function isValueless(item: unknown, attribute: ScimAttributeDefinition): boolean {
  if (!isJsonObject(item)) return false;
  const hasValueSub = attribute.subAttributes?.some((s) => s.name === 'value') ?? false;
  return Object.keys(item).length === 0 || (hasValueSub && item['value'] === undefined);
}

// RFC 7643 §2.4: "primary" may be true on at most one value; the one just written wins.
function keepOnePrimary(
  items: unknown[],
  touched: Set<unknown>,
  attribute: ScimAttributeDefinition,
): void {
  if (!attribute.subAttributes?.some((s) => s.name === 'primary')) return;
  const winner = [...items].reverse().find((item) => touched.has(item) && isPrimary(item));
  if (winner === undefined) return;
  for (const item of items) {
    if (item !== winner && isPrimary(item) && isJsonObject(item)) item['primary'] = false;
  }
}

function isPrimary(item: unknown): boolean {
  return isJsonObject(item) && item['primary'] === true;
}

/**
 * Whether two values are "the same value" for add/remove: complex values compare by `value`
 * (and `type` unless `valueOnly`), case-insensitively unless caseExact; simple values by
 * equality.
 */
function sameValue(
  a: unknown,
  b: unknown,
  attribute: ScimAttributeDefinition,
  valueOnly: boolean,
): boolean {
  const valueSub = attribute.subAttributes?.find((s) => s.name === 'value');
  if (attribute.type === 'complex' && valueSub && isJsonObject(a) && isJsonObject(b)) {
    if (a['value'] === undefined || b['value'] === undefined) return jsonEqual(a, b);
    return (
      sameScalar(a['value'], b['value'], valueSub.caseExact) &&
      (valueOnly || sameScalar(a['type'], b['type'], false))
    );
  }
  return sameScalar(a, b, attribute.caseExact);
}

function sameScalar(a: unknown, b: unknown, caseExact: boolean): boolean {
  if (!caseExact && typeof a === 'string' && typeof b === 'string') {
    return a.toLowerCase() === b.toLowerCase();
  }
  return jsonEqual(a, b);
}

/** A stored value with its sub-attribute keys in the schema's spelling. */
function canonicalItem(item: unknown, attribute: ScimAttributeDefinition): unknown {
  if (!isJsonObject(item) || attribute.type !== 'complex') return item;
  const result: ScimJsonObject = { ...item };
  for (const sub of attribute.subAttributes ?? []) {
    const key = findKey(result, sub.name);
    if (key !== undefined && key !== sub.name) {
      result[sub.name] = result[key];
      delete result[key];
    }
  }
  return result;
}
