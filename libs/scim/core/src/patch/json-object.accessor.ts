import type { ScimJsonObject } from './patch.types';

// SCIM attribute names are case-insensitive (RFC 7643 §2.1): reads find any spelling, writes
// leave only the schema's canonical one.

export function isJsonObject(value: unknown): value is ScimJsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The key of `object` that matches `name` case-insensitively, preferring the exact one. */
export function findKey(object: ScimJsonObject, name: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(object, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === lower);
}

export function getAttribute(object: ScimJsonObject, name: string): unknown {
  const key = findKey(object, name);
  return key === undefined ? undefined : object[key];
}

export function setAttribute(object: ScimJsonObject, name: string, value: unknown): void {
  deleteAttribute(object, name);
  object[name] = value;
}

export function deleteAttribute(object: ScimJsonObject, name: string): void {
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) {
    if (key.toLowerCase() === lower) delete object[key];
  }
}

/** Structural equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => jsonEqual(item, b[i]))
    );
  }
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && jsonEqual(a[key], b[key]))
  );
}
