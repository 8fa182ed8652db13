// Group bodies shaped like the ones Microsoft Entra ID's provisioning service sends
// (learn.microsoft.com, "Develop and plan provisioning for a SCIM endpoint", Groups), and the
// response shapes the Groups e2e specs read back.

import { aPatch, unique, type PatchOperationBody, type ScimBody } from './scim-user.builder';

export const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
/** Entra adds Microsoft's own Group schema URN to every POST /Groups. */
export const ADSCIM_GROUP_URN =
  'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

/** The PUBLIC_URL the Groups specs start the API with, so `$ref` and `location` are exact. */
export const PUBLIC_URL = 'https://rollcall.example';
export const SCIM_BASE_URL = `${PUBLIC_URL}/scim/v2`;

export interface ScimMemberResource {
  value: string;
  $ref: string;
  display: string;
  type: string;
}

export interface ScimGroupResource {
  schemas: string[];
  id: string;
  externalId?: string;
  displayName: string;
  members?: ScimMemberResource[];
  meta: {
    resourceType: string;
    created: string;
    lastModified: string;
    location: string;
    version: string;
  };
}

export interface ScimGroupListResponse {
  schemas: string[];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: ScimGroupResource[];
}

/**
 * Entra's create-group body: both schema URNs, externalId, displayName and an empty member
 * list (members follow by PATCH). `overrides` are shallow-merged; `undefined` drops a key.
 */
export function aScimGroup(overrides: ScimBody = {}): ScimBody {
  const base: ScimBody = {
    schemas: [GROUP_URN, ADSCIM_GROUP_URN],
    externalId: unique('group-ext-'),
    displayName: unique('Group '),
    members: [],
  };
  const merged = { ...base, ...overrides };
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
}

/** Members as Entra lists them in a PATCH: `$ref` is null. */
export function memberValues(userIds: readonly string[]): { value: string; $ref: null }[] {
  return userIds.map((value) => ({ value, $ref: null }));
}

export function addMembers(userIds: readonly string[]): PatchOperationBody {
  return { op: 'Add', path: 'members', value: memberValues(userIds) };
}

export function removeMembers(userIds: readonly string[]): PatchOperationBody {
  return { op: 'Remove', path: 'members', value: memberValues(userIds) };
}

/** One PatchOp body adding these users, as Entra batches them. */
export function anAddMembersPatch(userIds: readonly string[]): ScimBody {
  return aPatch(addMembers(userIds));
}

export function aRemoveMembersPatch(userIds: readonly string[]): ScimBody {
  return aPatch(removeMembers(userIds));
}
