import type { ScimJsonObject } from '@rollcall/scim-core';
import type { DirectoryUser, UserSource } from '../domain/directory-user';
import { projectUser } from '../domain/user-document';
import { UserEntity } from './user.entity';

/**
 * The row for a user document: a new one (no `previous`) or the next version of `previous`.
 * `deactivatedAt` marks when `active` last went from true to false.
 */
export function userRow(
  document: ScimJsonObject,
  now: Date,
  previous: UserEntity | { id: string; organizationId: string; source?: UserSource },
): UserEntity {
  const projection = projectUser(document);
  const existing = previous instanceof UserEntity ? previous : null;
  const row = new UserEntity();
  Object.assign(row, {
    id: previous.id,
    organizationId: previous.organizationId,
    ...projection,
    source: existing?.source ?? previous.source ?? 'scim',
    resource: document,
    version: (existing?.version ?? 0) + 1,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    deactivatedAt: projection.active
      ? null
      : existing && !existing.active
        ? existing.deactivatedAt
        : now,
  });
  return row;
}

export function toDirectoryUser(row: UserEntity): DirectoryUser {
  return {
    id: row.id,
    organizationId: row.organizationId,
    userName: row.userName,
    externalId: row.externalId,
    displayName: row.displayName,
    email: row.email,
    active: row.active,
    role: row.role,
    source: row.source,
    document: row.resource,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deactivatedAt: row.deactivatedAt,
  };
}
