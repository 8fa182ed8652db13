import type { ScimJsonObject } from '@rollcall/scim-core';
import type { DirectoryUser, UserSource } from './directory-user';
import { projectUser } from './user-document';

/** Who a user about to be created is: the document says the rest. */
export interface NewUserIdentity {
  id: string;
  organizationId: string;
  source: UserSource;
}

function fromDocument(document: ScimJsonObject) {
  const projection = projectUser(document);
  return {
    userName: projection.userName,
    externalId: projection.externalId,
    displayName: projection.displayName,
    email: projection.email,
    active: projection.active,
    role: projection.role,
    document,
  };
}

/** The first version of a user, as `document` describes it. */
export function createdUser(
  document: ScimJsonObject,
  now: Date,
  identity: NewUserIdentity,
): DirectoryUser {
  const projected = fromDocument(document);
  return {
    id: identity.id,
    organizationId: identity.organizationId,
    ...projected,
    source: identity.source,
    version: 1,
    createdAt: now,
    updatedAt: now,
    deactivatedAt: projected.active ? null : now,
  };
}

/**
 * The next version of `previous`, as `document` describes it. `deactivatedAt` marks when
 * `active` last went from true to false.
 */
export function changedUser(
  previous: DirectoryUser,
  document: ScimJsonObject,
  now: Date,
): DirectoryUser {
  const projected = fromDocument(document);
  return {
    id: previous.id,
    organizationId: previous.organizationId,
    ...projected,
    source: previous.source,
    version: previous.version + 1,
    createdAt: previous.createdAt,
    updatedAt: now,
    deactivatedAt: projected.active ? null : previous.active ? now : previous.deactivatedAt,
  };
}
