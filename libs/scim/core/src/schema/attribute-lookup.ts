import { COMMON_ATTRIBUTES } from './common.attributes';
import { ENTERPRISE_USER_SCHEMA } from './enterprise-user.schema';
import { GROUP_SCHEMA } from './group.schema';
import { ROLLCALL_USER_SCHEMA } from './rollcall-user.schema';
import type { ScimAttributeDefinition, ScimSchemaDefinition } from './schema.types';
import { USER_SCHEMA } from './user.schema';

/** The schemas one resource type is made of: its core schema and its extensions. */
export interface ScimResourceSchemas {
  core: ScimSchemaDefinition;
  extensions: ScimSchemaDefinition[];
}

export const USER_RESOURCE_SCHEMAS: ScimResourceSchemas = {
  core: USER_SCHEMA,
  extensions: [ENTERPRISE_USER_SCHEMA, ROLLCALL_USER_SCHEMA],
};

export const GROUP_RESOURCE_SCHEMAS: ScimResourceSchemas = {
  core: GROUP_SCHEMA,
  extensions: [],
};

/** Where a resolved attribute lives in the resource JSON. */
export type ScimAttributeScope = 'common' | 'core' | 'extension';

export interface ResolvedAttributePath {
  /** The core schema URN for common and core attributes, else the extension URN. */
  schemaUrn: string;
  scope: ScimAttributeScope;
  attribute: ScimAttributeDefinition;
  subAttribute?: ScimAttributeDefinition;
  /** The path as the schemas spell it: `name.givenName`, `<extension urn>:manager.value`. */
  canonical: string;
}

function findByName(
  attributes: readonly ScimAttributeDefinition[],
  name: string,
): ScimAttributeDefinition | undefined {
  const lower = name.toLowerCase();
  return attributes.find((a) => a.name.toLowerCase() === lower);
}

/**
 * The schema a URN-qualified path starts with, and the rest of the path. RFC 7644 §3.10: the
 * URN is followed by ':' then the attribute path. Matching is case-insensitive (RFC 7643 §2.1),
 * and the longest URN wins so one URN being a prefix of another cannot misroute.
 */
export function splitSchemaUrn(
  resourceSchemas: ScimResourceSchemas,
  path: string,
): { schema: ScimSchemaDefinition; rest: string } | undefined {
  const lower = path.toLowerCase();
  const candidates = [resourceSchemas.core, ...resourceSchemas.extensions]
    .filter((schema) => {
      const urn = schema.id.toLowerCase();
      return lower === urn || lower.startsWith(`${urn}:`);
    })
    .sort((a, b) => b.id.length - a.id.length);
  const schema = candidates[0];
  if (!schema) return undefined;
  return { schema, rest: path.slice(schema.id.length + 1) };
}

/** The schema whose URN equals `urn` (case-insensitive), e.g. a bare extension URN. */
export function findResourceSchema(
  resourceSchemas: ScimResourceSchemas,
  urn: string,
): ScimSchemaDefinition | undefined {
  const lower = urn.trim().toLowerCase();
  return [resourceSchemas.core, ...resourceSchemas.extensions].find(
    (schema) => schema.id.toLowerCase() === lower,
  );
}

function resolveWithin(
  schemaUrn: string,
  scope: ScimAttributeScope,
  attribute: ScimAttributeDefinition,
  subName: string | undefined,
): ResolvedAttributePath | undefined {
  const prefix = scope === 'extension' ? `${schemaUrn}:` : '';
  if (subName === undefined) {
    return { schemaUrn, scope, attribute, canonical: `${prefix}${attribute.name}` };
  }
  const subAttribute =
    attribute.type === 'complex' ? findByName(attribute.subAttributes ?? [], subName) : undefined;
  if (!subAttribute) return undefined;
  return {
    schemaUrn,
    scope,
    attribute,
    subAttribute,
    canonical: `${prefix}${attribute.name}.${subAttribute.name}`,
  };
}

/**
 * Resolves an attribute path (RFC 7644 §3.10 ATTRPATH: `[URN ":"] attrName ["." subAttr]`)
 * against a resource's schemas, case-insensitively. Unqualified names are looked up in the
 * common attributes, then the core schema, then the extensions, where a name must be
 * unambiguous: Entra sends `roleName` and `department` without their URN in some filters.
 * Returns undefined for unknown or malformed paths; callers choose the error to raise.
 */
export function resolveAttributePath(
  resourceSchemas: ScimResourceSchemas,
  path: string,
): ResolvedAttributePath | undefined {
  const trimmed = path.trim();
  const qualified = splitSchemaUrn(resourceSchemas, trimmed);
  const attrPath = qualified ? qualified.rest : trimmed;
  const segments = attrPath.split('.');
  if (segments.length > 2 || segments.some((s) => s.length === 0 || s.includes(':'))) {
    return undefined;
  }
  const [name = '', subName] = segments;
  const core = resourceSchemas.core;

  if (qualified) {
    const { schema } = qualified;
    if (schema === core) {
      const common = findByName(COMMON_ATTRIBUTES, name);
      if (common) return resolveWithin(core.id, 'common', common, subName);
      const own = findByName(core.attributes, name);
      return own ? resolveWithin(core.id, 'core', own, subName) : undefined;
    }
    const own = findByName(schema.attributes, name);
    return own ? resolveWithin(schema.id, 'extension', own, subName) : undefined;
  }

  const common = findByName(COMMON_ATTRIBUTES, name);
  if (common) return resolveWithin(core.id, 'common', common, subName);
  const own = findByName(core.attributes, name);
  if (own) return resolveWithin(core.id, 'core', own, subName);
  const matches = resourceSchemas.extensions.flatMap((schema) => {
    const found = findByName(schema.attributes, name);
    return found ? [{ schema, found }] : [];
  });
  const [only, ...others] = matches;
  if (!only || others.length > 0) return undefined;
  return resolveWithin(only.schema.id, 'extension', only.found, subName);
}
