import { ScimError } from '../errors/scim-error';
import { parsePatchPath, type PatchPath } from '../path/attribute-path.parser';
import { PATCH_OP_SCHEMA_URN } from '../schema/scim-urns';
import { getAttribute, isJsonObject } from './json-object.accessor';
import type { PatchOpName, PatchOperation } from './patch.types';

/** Entra sends up to a few hundred operations; far more is a broken or hostile client. */
export const MAX_PATCH_OPERATIONS = 1000;

/**
 * Validates an RFC 7644 §3.5.2 PatchOp body and returns its operations with `op` lower-cased
 * and `path` parsed. Keys are matched case-insensitively and `op` may be in any case because
 * Entra sends `"Operations"` with `"op": "Replace"`.
 *
 * Errors: a body that is not a PatchOp → invalidSyntax; a bad path → invalidPath;
 * `remove` without a path → noTarget (RFC 7644 §3.5.2.2); `add`/`replace` without a value →
 * invalidSyntax (§3.5.2.1 and §3.5.2.3: the operation MUST contain a value), and without a
 * path a value that is not an object → invalidValue.
 */
export function parsePatchRequest(body: unknown): PatchOperation[] {
  if (!isJsonObject(body)) throw ScimError.invalidSyntax('The PATCH body must be a JSON object.');
  const schemas = getAttribute(body, 'schemas');
  const urn = PATCH_OP_SCHEMA_URN.toLowerCase();
  if (
    !Array.isArray(schemas) ||
    !schemas.some((s) => typeof s === 'string' && s.trim().toLowerCase() === urn)
  ) {
    throw ScimError.invalidSyntax(`The PATCH body must list the schema '${PATCH_OP_SCHEMA_URN}'.`);
  }
  const operations = getAttribute(body, 'Operations');
  if (!Array.isArray(operations) || operations.length === 0) {
    throw ScimError.invalidSyntax("'Operations' must be an array of one or more operations.");
  }
  if (operations.length > MAX_PATCH_OPERATIONS) {
    throw ScimError.invalidSyntax(`At most ${MAX_PATCH_OPERATIONS} operations are accepted.`);
  }
  return operations.map((operation, index) => parseOperation(operation, index));
}

function parseOperation(operation: unknown, index: number): PatchOperation {
  const where = `Operations[${index}]`;
  if (!isJsonObject(operation)) throw ScimError.invalidSyntax(`${where} must be an object.`);

  const rawOp = getAttribute(operation, 'op');
  const op = typeof rawOp === 'string' ? toOpName(rawOp) : undefined;
  if (!op) {
    throw ScimError.invalidSyntax(
      `${where}.op must be "add", "replace" or "remove", got ${JSON.stringify(rawOp) ?? 'nothing'}.`,
    );
  }

  const rawPath = getAttribute(operation, 'path');
  let path: PatchPath | undefined;
  if (rawPath !== undefined && rawPath !== null) {
    if (typeof rawPath !== 'string') throw ScimError.invalidPath(`${where}.path must be a string.`);
    try {
      path = parsePatchPath(rawPath);
    } catch (error) {
      throw error instanceof ScimError
        ? ScimError.invalidPath(`${where}.path: ${error.message}`)
        : error;
    }
  }

  const value = getAttribute(operation, 'value');
  if (op === 'remove') {
    if (!path) throw ScimError.noTarget(`${where}: "remove" needs a path (RFC 7644 §3.5.2.2).`);
    return value === undefined ? { op, path } : { op, path, value };
  }
  if (value === undefined) throw ScimError.invalidSyntax(`${where}: "${op}" needs a value.`);
  if (!path && !isJsonObject(value)) {
    throw ScimError.invalidValue(
      `${where}: without a path, the value must be an object of attributes.`,
    );
  }
  return path ? { op, path, value } : { op, value };
}

function toOpName(raw: string): PatchOpName | undefined {
  const lower = raw.trim().toLowerCase();
  return lower === 'add' || lower === 'replace' || lower === 'remove' ? lower : undefined;
}
