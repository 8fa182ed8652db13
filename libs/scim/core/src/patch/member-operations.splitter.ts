import { ScimError } from '../errors/scim-error';
import type { FilterNode } from '../filter/filter.types';
import type { PatchPath } from '../path/attribute-path.parser';
import { GROUP_SCHEMA_URN } from '../schema/scim-urns';
import { getAttribute, isJsonObject } from './json-object.accessor';
import { isClearValue } from './patch-value.coercer';
import type { PatchOperation, ScimJsonObject } from './patch.types';

/**
 * A change to a group's membership, shaped for one SQL statement per operation (an Entra
 * sync adds or removes hundreds of members in one PATCH).
 */
export type MemberOperation =
  | { kind: 'add'; memberIds: string[] }
  | { kind: 'remove'; memberIds: string[] }
  /** Set the membership to exactly these ids. */
  | { kind: 'replace'; memberIds: string[] }
  | { kind: 'removeAll' };

export interface SplitPatchOperations {
  /** In request order. */
  memberOperations: MemberOperation[];
  /** Everything else, in request order, for applyPatch. */
  otherOperations: PatchOperation[];
}

/**
 * Separates the operations that touch Group `members` from the rest, so the Groups endpoint
 * can apply membership in SQL and the rest with applyPatch. Members are independent of the
 * other attributes, so applying the two lists separately keeps the request's meaning.
 *
 * Entra's shapes: `Add` `members` with `[{ "value": id, "$ref": … }]`; `Remove` `members` with
 * such a list; `Remove` `members[value eq "id"]`; `Remove` `members` without value (all);
 * and no-path `replace` objects holding `members`.
 */
export function splitMemberOperations(operations: readonly PatchOperation[]): SplitPatchOperations {
  const memberOperations: MemberOperation[] = [];
  const otherOperations: PatchOperation[] = [];
  for (const operation of operations) {
    if (operation.path) {
      if (isMembersPath(operation.path))
        memberOperations.push(...fromPath(operation, operation.path));
      else otherOperations.push(operation);
      continue;
    }
    if (!isJsonObject(operation.value)) {
      otherOperations.push(operation);
      continue;
    }
    const rest: ScimJsonObject = {};
    let members: unknown;
    let hasMembers = false;
    for (const [key, value] of Object.entries(operation.value)) {
      if (isMembersKey(key)) {
        members = value;
        hasMembers = true;
      } else {
        rest[key] = value;
      }
    }
    if (!hasMembers) {
      otherOperations.push(operation);
      continue;
    }
    if (Object.keys(rest).length > 0) otherOperations.push({ ...operation, value: rest });
    memberOperations.push(...fromValue(operation.op, members));
  }
  return { memberOperations, otherOperations };
}

function fromPath(operation: PatchOperation, path: PatchPath): MemberOperation[] {
  if (path.subAttribute !== undefined) {
    throw ScimError.invalidPath(
      `'members.${path.subAttribute}' cannot be patched; patch 'members'.`,
    );
  }
  if (path.valueFilter) {
    if (operation.op !== 'remove') {
      throw ScimError.invalidPath(`Only "remove" takes a filtered 'members[...]' path.`);
    }
    return [{ kind: 'remove', memberIds: idsFromFilter(path.valueFilter) }];
  }
  return fromValue(operation.op, operation.value);
}

function fromValue(op: PatchOperation['op'], value: unknown): MemberOperation[] {
  const clearing = value === undefined || isClearValue(value);
  switch (op) {
    case 'remove':
      return clearing ? [{ kind: 'removeAll' }] : [{ kind: 'remove', memberIds: memberIds(value) }];
    case 'replace':
      return clearing
        ? [{ kind: 'removeAll' }]
        : [{ kind: 'replace', memberIds: memberIds(value) }];
    case 'add':
      return clearing ? [] : [{ kind: 'add', memberIds: memberIds(value) }];
  }
}

/** Ids from `[{ "value": id }]`, `{ "value": id }` or bare id strings; duplicates dropped. */
function memberIds(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  const ids = items.map((item) => {
    const id = isJsonObject(item) ? getAttribute(item, 'value') : item;
    if (typeof id !== 'string' || id.trim() === '') {
      throw ScimError.invalidValue(
        `A member must have a non-empty "value", got ${JSON.stringify(item)}.`,
      );
    }
    return id;
  });
  return [...new Set(ids)];
}

// `members[value eq "a"]` or `members[value eq "a" or value eq "b"]`: anything else would
// need the member rows loaded, which this path exists to avoid.
function idsFromFilter(filter: FilterNode): string[] {
  if (filter.kind === 'or')
    return [...new Set([...idsFromFilter(filter.left), ...idsFromFilter(filter.right)])];
  if (
    filter.kind === 'compare' &&
    filter.op === 'eq' &&
    filter.path.schema === undefined &&
    filter.path.subAttribute === undefined &&
    filter.path.attribute.toLowerCase() === 'value' &&
    typeof filter.value === 'string'
  ) {
    return [filter.value];
  }
  throw ScimError.invalidPath('Members can only be selected with `value eq "id"` filters.');
}

function isMembersPath(path: PatchPath): boolean {
  const schema = path.schema?.toLowerCase();
  return (
    (schema === undefined || schema === GROUP_SCHEMA_URN.toLowerCase()) &&
    path.attribute.toLowerCase() === 'members'
  );
}

function isMembersKey(key: string): boolean {
  const lower = key.toLowerCase();
  return lower === 'members' || lower === `${GROUP_SCHEMA_URN.toLowerCase()}:members`;
}
