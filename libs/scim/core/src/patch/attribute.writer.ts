import { ScimError } from '../errors/scim-error';
import type { ScimAttributeDefinition } from '../schema/schema.types';
import { deleteAttribute, getAttribute, jsonEqual, setAttribute } from './json-object.accessor';
import type { ScimJsonObject } from './patch.types';

/** One attribute of a resource being patched: where it lives and what it is. */
export interface AttributeTarget {
  /** The resource root, or the object under an extension's URN key. */
  container: ScimJsonObject;
  attribute: ScimAttributeDefinition;
  /** The canonical path, for error details. */
  name: string;
}

export function readAttribute(target: AttributeTarget): unknown {
  return getAttribute(target.container, target.attribute.name);
}

/**
 * Writes a value under the schema's spelling. RFC 7644 §3.5.2: an "immutable" attribute may
 * only be written while it has no value (or with the value it already has).
 */
export function writeAttribute(target: AttributeTarget, value: unknown): void {
  const current = readAttribute(target);
  if (
    target.attribute.mutability === 'immutable' &&
    current !== undefined &&
    current !== null &&
    !jsonEqual(current, value)
  ) {
    throw ScimError.mutability(`The attribute '${target.name}' is immutable.`);
  }
  setAttribute(target.container, target.attribute.name, value);
}

/**
 * Unassigns an attribute; a no-op when it is absent. RFC 7644 §3.5.2.2: removing (or
 * otherwise unassigning) a required attribute is a "mutability" error.
 */
export function clearAttribute(target: AttributeTarget): void {
  const current = readAttribute(target);
  if (current === undefined) return;
  if (target.attribute.required) {
    throw ScimError.mutability(`The attribute '${target.name}' is required and cannot be removed.`);
  }
  if (target.attribute.mutability === 'immutable' && current !== null) {
    throw ScimError.mutability(`The attribute '${target.name}' is immutable.`);
  }
  deleteAttribute(target.container, target.attribute.name);
}
