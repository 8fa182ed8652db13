import type { EventTypeName, UserEventData } from '@rollcall/contracts';
import type { NewEvent } from '@rollcall/db';
import { jsonEqual, type ScimJsonObject } from '@rollcall/scim-core';
import type { DirectoryUser } from './directory-user';

/** A user as its events carry it (contracts' UserEventData). */
export function userEventData(user: DirectoryUser): UserEventData {
  return {
    id: user.id,
    userName: user.userName,
    externalId: user.externalId,
    displayName: user.displayName,
    email: user.email,
    active: user.active,
    roleName: user.role,
    source: user.source,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    scim: user.document,
  };
}

export function userEvent(
  type: EventTypeName,
  user: DirectoryUser,
  actor: string,
  extra: Record<string, unknown> = {},
): NewEvent {
  return {
    organizationId: user.organizationId,
    type,
    actor,
    subject: { type: 'user', id: user.id },
    data: { user: userEventData(user), ...extra },
  };
}

function isObject(value: unknown): value is ScimJsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The attributes a change touched, by name: top-level attributes, and an extension's
 * attributes qualified by its URN (`urn:…:enterprise:2.0:User:department`), the way Entra's
 * attribute mappings name them. `active` is left out: it has events of its own.
 */
export function changedAttributes(before: ScimJsonObject, after: ScimJsonObject): string[] {
  const changed: string[] = [];
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (name === 'active') continue;
    const [was, is] = [before[name], after[name]];
    if (name.startsWith('urn:') && (isObject(was) || isObject(is))) {
      const [wasObject, isObject_] = [isObject(was) ? was : {}, isObject(is) ? is : {}];
      for (const sub of new Set([...Object.keys(wasObject), ...Object.keys(isObject_)])) {
        if (!jsonEqual(wasObject[sub], isObject_[sub])) changed.push(`${name}:${sub}`);
      }
    } else if (!jsonEqual(was, is)) {
      changed.push(name);
    }
  }
  return changed.sort();
}

/**
 * What a replace or a PATCH did, as events: `user.updated` with the attribute names it changed,
 * then `user.deactivated` or `user.reactivated` when `active` flipped. Role changes are told
 * by the teams feature, which knows the mapped roles (see UserChangeHooks).
 */
export function userChangeEvents(
  before: DirectoryUser,
  after: DirectoryUser,
  actor: string,
): NewEvent[] {
  const events: NewEvent[] = [];
  const changed = changedAttributes(before.document, after.document);
  if (changed.length > 0) events.push(userEvent('user.updated', after, actor, { changed }));
  if (before.active && !after.active) events.push(userEvent('user.deactivated', after, actor));
  if (!before.active && after.active) events.push(userEvent('user.reactivated', after, actor));
  return events;
}
