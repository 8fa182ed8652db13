import {
  GROUP_RESOURCE_SCHEMAS,
  resolveAttributePath,
  USER_RESOURCE_SCHEMAS,
  type ResolvedAttributePath,
  type ScimResourceSchemas,
} from '../schema/attribute-lookup';
import { COMMON_ATTRIBUTES } from '../schema/common.attributes';
import type { ScimAttributeDefinition } from '../schema/schema.types';
import {
  planAttribute,
  selectAttributes,
  type AttributePlan,
  type AttributeSelection,
  type ProjectionOptions,
} from './attribute-selection';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Definitions by name as written and lower-cased, built once per definition list. */
const definitionIndexes = new WeakMap<
  readonly ScimAttributeDefinition[],
  Map<string, ScimAttributeDefinition>
>();

function findDefinition(
  definitions: readonly ScimAttributeDefinition[],
  key: string,
): ScimAttributeDefinition | undefined {
  let index = definitionIndexes.get(definitions);
  if (!index) {
    index = new Map();
    for (const definition of definitions) {
      index.set(definition.name, definition);
      index.set(definition.name.toLowerCase(), definition);
    }
    definitionIndexes.set(definitions, index);
  }
  // Names are case-insensitive (RFC 7643 §2.1); stored documents use the schema's spelling.
  return index.get(key) ?? index.get(key.toLowerCase());
}

/** Common and core attributes of a resource type as one list, made once per resource type. */
const topLevelDefinitions = new WeakMap<ScimResourceSchemas, readonly ScimAttributeDefinition[]>();

function topLevelOf(resourceSchemas: ScimResourceSchemas): readonly ScimAttributeDefinition[] {
  let definitions = topLevelDefinitions.get(resourceSchemas);
  if (!definitions) {
    definitions = [...COMMON_ATTRIBUTES, ...resourceSchemas.core.attributes];
    topLevelDefinitions.set(resourceSchemas, definitions);
  }
  return definitions;
}

function extensionOf(resourceSchemas: ScimResourceSchemas, key: string) {
  for (const extension of resourceSchemas.extensions) {
    if (extension.id === key || extension.id.toLowerCase() === key.toLowerCase()) return extension;
  }
  return undefined;
}

function projectComplexValue(
  value: Record<string, unknown>,
  definition: ScimAttributeDefinition,
  plan: AttributePlan,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, subValue] of Object.entries(value)) {
    const sub = findDefinition(definition.subAttributes ?? [], key);
    if (sub ? plan.keepSub(sub) : plan.keepUnknownSubs) out[key] = subValue;
  }
  return out;
}

function projectValue(
  value: unknown,
  definition: ScimAttributeDefinition,
  plan: AttributePlan,
): unknown {
  if (definition.type !== 'complex') return value;
  if (Array.isArray(value)) {
    const items = value
      .map((item) => (isRecord(item) ? projectComplexValue(item, definition, plan) : item))
      .filter((item) => !isRecord(item) || Object.keys(item).length > 0);
    return items.length > 0 ? items : undefined;
  }
  if (isRecord(value)) {
    const projected = projectComplexValue(value, definition, plan);
    return Object.keys(projected).length > 0 ? projected : undefined;
  }
  return value;
}

function projectAttributes(
  source: Record<string, unknown>,
  definitions: readonly ScimAttributeDefinition[],
  schemaUrn: string,
  selection: AttributeSelection,
  keepUnknown: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    const definition = findDefinition(definitions, key);
    if (!definition) {
      if (keepUnknown) out[key] = value;
      continue;
    }
    const plan = planAttribute(selection, schemaUrn, definition);
    if (!plan.include) continue;
    const projected = projectValue(value, definition, plan);
    if (projected !== undefined) out[key] = projected;
  }
  return out;
}

/**
 * Applies `returned` characteristics and the attributes / excludedAttributes parameters to a
 * resource in SCIM JSON shape: common and core attributes at the top level, extension
 * attributes under their schema URN key. Returns a new object; the input is not modified.
 */
export function projectResource(
  resource: Record<string, unknown>,
  resourceSchemas: ScimResourceSchemas,
  opts: ProjectionOptions,
): Record<string, unknown> {
  const selection = selectAttributes(resourceSchemas, opts);
  const topLevel: Record<string, unknown> = {};
  const extensions: Record<string, unknown> = {};

  for (const [key, value] of Object.entries(resource)) {
    // Only a URN can name an extension: plain attribute names skip the search.
    const extension = key.includes(':') ? extensionOf(resourceSchemas, key) : undefined;
    if (!extension) {
      topLevel[key] = value;
      continue;
    }
    if (!isRecord(value)) continue;
    const keepUnknown =
      !selection.restricted && !selection.excluded.schemas.has(extension.id.toLowerCase());
    const projected = projectAttributes(
      value,
      extension.attributes,
      extension.id,
      selection,
      keepUnknown,
    );
    if (Object.keys(projected).length > 0) extensions[key] = projected;
  }

  const { schemas, ...attributes } = topLevel;
  return {
    // RFC 7643 §3: `schemas` is on every representation, whatever was asked.
    ...(schemas === undefined ? {} : { schemas }),
    ...projectAttributes(
      attributes,
      topLevelOf(resourceSchemas),
      resourceSchemas.core.id,
      selection,
      !selection.restricted,
    ),
    ...extensions,
  };
}

function resolveAnywhere(
  path: string,
): { resourceSchemas: ScimResourceSchemas; resolved: ResolvedAttributePath } | undefined {
  for (const resourceSchemas of [USER_RESOURCE_SCHEMAS, GROUP_RESOURCE_SCHEMAS]) {
    const resolved = resolveAttributePath(resourceSchemas, path);
    if (resolved) return { resourceSchemas, resolved };
  }
  return undefined;
}

/**
 * Whether `path` (e.g. `members`, `emails.value`) would appear in a projected resource, so a
 * caller can skip loading it: `GET /Groups?excludedAttributes=members` must not read members.
 * Without `resourceSchemas`, the path is resolved against the User, then the Group schemas.
 */
export function requestsAttribute(
  opts: ProjectionOptions,
  path: string,
  resourceSchemas?: ScimResourceSchemas,
): boolean {
  const found = resourceSchemas
    ? (() => {
        const resolved = resolveAttributePath(resourceSchemas, path);
        return resolved ? { resourceSchemas, resolved } : undefined;
      })()
    : resolveAnywhere(path);
  if (!found) return false;
  const { resolved } = found;
  const plan = planAttribute(
    selectAttributes(found.resourceSchemas, opts),
    resolved.schemaUrn,
    resolved.attribute,
  );
  if (!plan.include) return false;
  return resolved.subAttribute ? plan.keepSub(resolved.subAttribute) : true;
}
