import { ScimError } from '../errors/scim-error';
import type { FilterNode } from '../filter/filter.types';
import { printAttributePath, scanAttributePath } from '../path/attribute-path.scanner';
import type { AttributePath } from '../path/attribute-path.types';
import {
  findResourceSchema,
  resolveAttributePath,
  type ResolvedAttributePath,
  type ScimResourceSchemas,
} from '../schema/attribute-lookup';
import type { ScimSchemaDefinition } from '../schema/schema.types';
import {
  clearAttribute,
  readAttribute,
  writeAttribute,
  type AttributeTarget,
} from './attribute.writer';
import { containerOf, tidyExtensions } from './extension-container.accessor';
import {
  deleteAttribute,
  findKey,
  getAttribute,
  isJsonObject,
  jsonEqual,
} from './json-object.accessor';
import { patchMultiValued } from './multi-valued.patcher';
import { coerceSingleValue, isClearValue } from './patch-value.coercer';
import type { PatchOpName, PatchOperation, ScimJsonObject } from './patch.types';

/**
 * Applies RFC 7644 §3.5.2 operations, in order, to a resource in its SCIM JSON form and
 * returns the patched copy; the input is not touched. If any operation fails, the whole
 * PATCH fails (§3.5.2: operations are atomic) with a ScimError that names the operation.
 *
 * Accepts what Entra sends: any-case ops and attribute names, value-filter paths that create
 * the value they select, URN-qualified paths and keys, a bare manager id, "True"/"False",
 * and ""/null to clear. Unknown attributes inside a no-path value are ignored (the product
 * ignores attributes it does not know), an unknown explicit path is invalidPath.
 */
export function applyPatch(
  resource: ScimJsonObject,
  operations: readonly PatchOperation[],
  schemas: ScimResourceSchemas,
): ScimJsonObject {
  const result = structuredClone(resource);
  operations.forEach((operation, index) => {
    try {
      applyOperation(result, operation, schemas);
    } catch (error) {
      if (!(error instanceof ScimError)) throw error;
      const path = operation.path ? ` "${printAttributePath(operation.path)}"` : '';
      throw new ScimError(
        error.status,
        error.scimType,
        `Operations[${index}] (${operation.op}${path}): ${error.message}`,
      );
    }
  });
  dropNeverStored(result, schemas);
  tidyExtensions(result, schemas);
  return result;
}

/**
 * RFC 7643 §7 `writeOnly` / `returned: never` (the core `password`): accepted, because Entra
 * may send a random password on create and an error would quarantine the app, but never
 * kept, so it can never be returned or leak. A document stored before this rule loses it at
 * its next change.
 */
function isNeverStored(resolved: ResolvedAttributePath): boolean {
  const { attribute, subAttribute } = resolved;
  return (
    attribute.mutability === 'writeOnly' ||
    attribute.returned === 'never' ||
    subAttribute?.mutability === 'writeOnly' ||
    subAttribute?.returned === 'never'
  );
}

function dropNeverStored(resource: ScimJsonObject, schemas: ScimResourceSchemas): void {
  for (const schema of [schemas.core, ...schemas.extensions]) {
    const container = schema === schemas.core ? resource : getAttribute(resource, schema.id);
    if (!isJsonObject(container)) continue;
    for (const attribute of schema.attributes) {
      if (attribute.mutability === 'writeOnly' || attribute.returned === 'never') {
        deleteAttribute(container, attribute.name);
      }
    }
  }
}

function applyOperation(
  resource: ScimJsonObject,
  operation: PatchOperation,
  schemas: ScimResourceSchemas,
): void {
  const { op, path, value } = operation;
  if (!path) {
    if (op === 'remove') throw ScimError.noTarget('"remove" needs a path (RFC 7644 §3.5.2.2).');
    if (!isJsonObject(value)) {
      throw ScimError.invalidValue('Without a path, the value must be an object of attributes.');
    }
    applyValueObject(resource, op, value, schemas, undefined);
    return;
  }

  // `"path": "urn:…:enterprise:2.0:User"` targets the extension object as a whole.
  const wholeSchema =
    path.schema !== undefined && path.subAttribute === undefined && !path.valueFilter
      ? findResourceSchema(schemas, `${path.schema}:${path.attribute}`)
      : undefined;
  if (wholeSchema && wholeSchema !== schemas.core) {
    if (op === 'remove' || isClearValue(value)) {
      deleteAttribute(resource, wholeSchema.id);
      return;
    }
    if (!isJsonObject(value)) throw ScimError.invalidValue(`'${wholeSchema.id}' takes an object.`);
    applyValueObject(resource, op, value, schemas, wholeSchema);
    return;
  }

  const resolved = resolveAttributePath(schemas, printAttributePath(path));
  if (!resolved) throw ScimError.invalidPath(`Unknown attribute '${printAttributePath(path)}'.`);
  assertWritable(resolved);
  if (isNeverStored(resolved)) return;
  applyToAttribute(resource, op, resolved, path.valueFilter, value);
}

/**
 * A no-path add/replace (RFC 7644 §3.5.2.1/3): each key names an attribute (`active`), a
 * dotted sub-attribute (`name.givenName`), a URN-qualified attribute, or a schema URN holding
 * an object of that schema's attributes. Complex values merge into what is there.
 */
function applyValueObject(
  resource: ScimJsonObject,
  op: PatchOpName,
  value: ScimJsonObject,
  schemas: ScimResourceSchemas,
  within: ScimSchemaDefinition | undefined,
): void {
  for (const [key, entry] of Object.entries(value)) {
    if (key.toLowerCase() === 'schemas') continue;
    const schema = within ? undefined : findResourceSchema(schemas, key);
    if (schema) {
      if (isClearValue(entry) && schema !== schemas.core) deleteAttribute(resource, schema.id);
      else if (isJsonObject(entry)) applyValueObject(resource, op, entry, schemas, schema);
      else throw ScimError.invalidValue(`'${schema.id}' takes an object.`);
      continue;
    }
    const path = scanAttributePath(key);
    if (!path) continue;
    const qualified: AttributePath = within && !path.schema ? { ...path, schema: within.id } : path;
    const resolved = resolveAttributePath(schemas, printAttributePath(qualified));
    // Unknown attributes are ignored, and so are readOnly ones (`id`, `meta`, `groups`) the
    // client echoed back: RFC 7644 §3.5.1 ignores them in a PUT, and failing a whole Entra
    // sync over an echoed `meta` helps nobody.
    if (!resolved || isReadOnly(resolved) || isNeverStored(resolved)) continue;
    applyToAttribute(resource, op, resolved, undefined, entry);
  }
}

function applyToAttribute(
  resource: ScimJsonObject,
  op: PatchOpName,
  resolved: ResolvedAttributePath,
  filter: FilterNode | undefined,
  value: unknown,
): void {
  const { attribute, subAttribute } = resolved;
  const target: AttributeTarget = {
    container: containerOf(resource, resolved, op !== 'remove' && !isClearValue(value)),
    attribute,
    name: subAttribute
      ? resolved.canonical.slice(0, -(subAttribute.name.length + 1))
      : resolved.canonical,
  };

  if (attribute.multiValued) {
    patchMultiValued(target, {
      op,
      value,
      ...(subAttribute ? { sub: subAttribute } : {}),
      ...(filter ? { filter } : {}),
    });
    return;
  }
  if (filter) {
    throw ScimError.invalidPath(`'${target.name}' is single-valued: a [filter] does not apply.`);
  }
  const clearing = op === 'remove' || isClearValue(value);

  if (subAttribute) {
    // `name.givenName`, `<enterprise URN>:manager.value`
    const current = readAttribute(target);
    const object = isJsonObject(current) ? { ...current } : {};
    const subName = `${target.name}.${subAttribute.name}`;
    if (clearing) {
      if (getAttribute(object, subAttribute.name) === undefined) return;
      deleteAttribute(object, subAttribute.name);
    } else {
      const next = coerceSingleValue(subAttribute, value, subName);
      const existing = getAttribute(object, subAttribute.name);
      if (
        subAttribute.mutability === 'immutable' &&
        existing != null &&
        !jsonEqual(existing, next)
      ) {
        throw ScimError.mutability(`The attribute '${subName}' is immutable.`);
      }
      deleteAttribute(object, subAttribute.name);
      object[subAttribute.name] = next;
    }
    if (Object.keys(object).length === 0) clearAttribute(target);
    else writeAttribute(target, object);
    return;
  }

  if (clearing) {
    clearAttribute(target);
    return;
  }
  const next = coerceSingleValue(attribute, value, target.name);
  const current = readAttribute(target);
  // RFC 7644 §3.5.2.3: a complex value replaces the sub-attributes it names and leaves the
  // others; "add" does the same (§3.5.2.1).
  const merged =
    attribute.type === 'complex' && isJsonObject(current) && isJsonObject(next)
      ? { ...canonicalComplex(current, attribute.subAttributes ?? []), ...next }
      : next;
  writeAttribute(target, merged);
}

function canonicalComplex(
  value: ScimJsonObject,
  subAttributes: readonly { name: string }[],
): ScimJsonObject {
  const result: ScimJsonObject = { ...value };
  for (const sub of subAttributes) {
    const key = findKey(result, sub.name);
    if (key !== undefined && key !== sub.name) {
      result[sub.name] = result[key];
      delete result[key];
    }
  }
  return result;
}

// RFC 7644 §3.5.2: a client MUST NOT modify a readOnly attribute → "mutability".
function assertWritable(resolved: ResolvedAttributePath): void {
  if (isReadOnly(resolved)) {
    throw ScimError.mutability(`The attribute '${resolved.canonical}' is read-only.`);
  }
}

function isReadOnly(resolved: ResolvedAttributePath): boolean {
  return (
    resolved.attribute.mutability === 'readOnly' || resolved.subAttribute?.mutability === 'readOnly'
  );
}
