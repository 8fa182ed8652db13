import type { ResolvedAttributePath, ScimResourceSchemas } from '../schema/attribute-lookup';
import { deleteAttribute, findKey, getAttribute, isJsonObject } from './json-object.accessor';
import type { ScimJsonObject } from './patch.types';

// Extension attributes live under their schema URN (RFC 7643 §3.3):
// `resource["urn:…:enterprise:2.0:User"].department`.

/** The object an attribute lives in: the resource, or its extension's URN-keyed object. */
export function containerOf(
  resource: ScimJsonObject,
  resolved: ResolvedAttributePath,
  create: boolean,
): ScimJsonObject {
  if (resolved.scope !== 'extension') return resource;
  const key = findKey(resource, resolved.schemaUrn);
  const existing = key === undefined ? undefined : resource[key];
  if (isJsonObject(existing)) {
    if (key !== resolved.schemaUrn) {
      deleteAttribute(resource, resolved.schemaUrn);
      resource[resolved.schemaUrn] = existing;
    }
    return existing;
  }
  const created: ScimJsonObject = {};
  if (create) resource[resolved.schemaUrn] = created;
  return created;
}

/**
 * Drops extension objects left empty and keeps `schemas` in step with the extensions present
 * (RFC 7643 §3: `schemas` lists the schemas the resource's attributes come from).
 */
export function tidyExtensions(resource: ScimJsonObject, schemas: ScimResourceSchemas): void {
  const listed = getAttribute(resource, 'schemas');
  for (const extension of schemas.extensions) {
    const key = findKey(resource, extension.id);
    const value = key === undefined ? undefined : resource[key];
    const present = isJsonObject(value) && Object.keys(value).length > 0;
    if (key !== undefined && !present) delete resource[key];
    if (!Array.isArray(listed)) continue;
    const lower = extension.id.toLowerCase();
    const index = listed.findIndex((s) => typeof s === 'string' && s.toLowerCase() === lower);
    if (present && index < 0) listed.push(extension.id);
    if (!present && index >= 0) listed.splice(index, 1);
  }
}
