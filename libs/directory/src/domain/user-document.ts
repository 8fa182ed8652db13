import {
  ROLLCALL_USER_SCHEMA_URN,
  ScimError,
  USER_RESOURCE_SCHEMAS,
  applyPatch,
  type ScimJsonObject,
} from '@rollcall/scim-core';
import { DirectoryError } from './directory.error';
import { resolveRoleName } from './role-name.resolver';

/** Attributes the server owns (RFC 7643 §3.1) or never stores: dropped from any input. */
const SERVER_OWNED = new Set(['schemas', 'id', 'meta', 'groups', 'password']);
export const MAX_USER_NAME_LENGTH = 1024;

/**
 * A client's User JSON as we store it: attribute names in canonical case, values typed per
 * schema ("True" → true, a bare manager id → {value}), unknown attributes and server-owned
 * ones dropped. The same engine that applies PATCH writes every attribute, so POST, PUT
 * and PATCH accept exactly the same shapes.
 */
export function normalizeUserInput(body: unknown): ScimJsonObject {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw ScimError.invalidSyntax('The request body must be a JSON object.');
  }
  const input = Object.fromEntries(
    Object.entries(body as ScimJsonObject).filter(([key]) => !SERVER_OWNED.has(key.toLowerCase())),
  );
  const document = applyPatch({}, [{ op: 'add', value: input }], USER_RESOURCE_SCHEMAS);
  assertUserName(document);
  return document;
}

export function assertUserName(document: ScimJsonObject): string {
  const userName = document['userName'];
  if (typeof userName !== 'string' || !userName.trim()) {
    throw new DirectoryError(
      'USER_NAME_REQUIRED',
      'userName is required and must be a non-empty string.',
    );
  }
  if (userName.length > MAX_USER_NAME_LENGTH) {
    throw ScimError.invalidValue(`userName is longer than ${MAX_USER_NAME_LENGTH} characters.`);
  }
  return userName;
}

/** userName as its uniqueness and look-ups compare it: case-insensitively (RFC 7643 §4.1.1). */
export function normalizedUserName(userName: string): string {
  return userName.toLowerCase();
}

/** The columns kept beside the document, for lookups, uniqueness and listings. */
export interface UserProjection {
  userName: string;
  userNameNormalized: string;
  externalId: string | null;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  emailNormalized: string | null;
  active: boolean;
  roleName: string | null;
  role: string | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function object(value: unknown): ScimJsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as ScimJsonObject)
    : {};
}

function entries(value: unknown): ScimJsonObject[] {
  return Array.isArray(value) ? value.map(object) : [];
}

/** The primary entry of a multi-valued attribute, else the one of `type`, else the first. */
function pick(values: ScimJsonObject[], type: string): ScimJsonObject | undefined {
  return (
    values.find((v) => v['primary'] === true) ??
    values.find((v) => typeof v['type'] === 'string' && v['type'].toLowerCase() === type) ??
    values[0]
  );
}

/** Our `roleName` extension wins; else the standard `roles` (primary first), as Entra app roles map there. */
function roleNameOf(document: ScimJsonObject): string | null {
  const explicit = text(object(document[ROLLCALL_USER_SCHEMA_URN])['roleName']);
  if (explicit) return explicit;
  return text(pick(entries(document['roles']), '')?.['value']);
}

export function projectUser(document: ScimJsonObject): UserProjection {
  const userName = assertUserName(document);
  const name = object(document['name']);
  const email = text(pick(entries(document['emails']), 'work')?.['value']);
  const roleName = roleNameOf(document);
  return {
    userName,
    userNameNormalized: normalizedUserName(userName),
    externalId: text(document['externalId']),
    displayName: text(document['displayName']),
    givenName: text(name['givenName']),
    familyName: text(name['familyName']),
    email,
    emailNormalized: email?.toLowerCase() ?? null,
    // RFC 7643 §4.1.1 leaves an absent `active` to the provider: a provisioned user is active.
    active: document['active'] !== false,
    roleName,
    role: resolveRoleName(roleName),
  };
}
