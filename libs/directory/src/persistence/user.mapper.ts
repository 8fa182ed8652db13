import type { SqlValues } from '@rollcall/db';
import type { DirectoryUser, UserSource } from '../domain/directory-user';
import { projectUser } from '../domain/user-document';

/** Every column of `users`, in the order `userColumnValues` binds them. */
export const USER_COLUMNS = [
  'id',
  'organization_id',
  'user_name',
  'user_name_normalized',
  'external_id',
  'display_name',
  'given_name',
  'family_name',
  'email',
  'email_normalized',
  'active',
  'role_name',
  'role',
  'source',
  'resource',
  'version',
  'created_at',
  'updated_at',
  'deactivated_at',
] as const;

/** A `users` row as both drivers hand it back. */
export type UserRow = Record<(typeof USER_COLUMNS)[number], unknown>;

/**
 * The row of a user, in `USER_COLUMNS` order. The columns a directory user does not carry
 * (the lower-cased keys, the name parts, the raw roleName) are projected from its document,
 * as they were when the user was built from it.
 */
export function userColumnValues(user: DirectoryUser, v: SqlValues): unknown[] {
  const projection = projectUser(user.document);
  return [
    user.id,
    user.organizationId,
    user.userName,
    projection.userNameNormalized,
    user.externalId,
    user.displayName,
    projection.givenName,
    projection.familyName,
    user.email,
    projection.emailNormalized,
    v.bool(user.active),
    projection.roleName,
    user.role,
    user.source,
    v.json(user.document),
    user.version,
    v.timestamp(user.createdAt),
    v.timestamp(user.updatedAt),
    v.timestampOrNull(user.deactivatedAt),
  ];
}

export function toDirectoryUser(row: UserRow, v: SqlValues): DirectoryUser {
  return {
    id: row.id as string,
    organizationId: row.organization_id as string,
    userName: row.user_name as string,
    externalId: row.external_id as string | null,
    displayName: row.display_name as string | null,
    email: row.email as string | null,
    active: v.readBool(row.active),
    role: row.role as string | null,
    source: row.source as UserSource,
    document: v.readJson(row.resource),
    version: Number(row.version),
    createdAt: v.readDate(row.created_at),
    updatedAt: v.readDate(row.updated_at),
    deactivatedAt: v.readDateOrNull(row.deactivated_at),
  };
}
