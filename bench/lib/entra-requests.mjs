import { randomUUID } from 'node:crypto';

/**
 * Request bodies shaped like the ones Microsoft Entra's provisioning service sends
 * (recorded shapes: capitalised `op`, value-filter paths, booleans as "True"/"False",
 * the custom `roleName` extension present in the body but not listed in `schemas`).
 */
export const SCHEMA = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  rollcall: 'urn:ietf:params:scim:schemas:extension:rollcall:2.0:User',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
};

export const BENCH_DOMAIN = 'bench.rollcall.test';

/** The directory the bench provisions: user i has a stable userName and a GUID externalId. */
export function benchUsers(count) {
  return Array.from({ length: count }, (_, index) => ({
    index,
    userName: `user${index}@${BENCH_DOMAIN}`,
    externalId: randomUUID(), // Entra sends the user's objectId here
    id: undefined, // SCIM id, known once created
    active: true,
    deleted: false,
  }));
}

export function createUserBody(user) {
  const i = user.index;
  const givenName = `Given${i}`;
  const familyName = `Family${i}`;
  return {
    schemas: [SCHEMA.user, SCHEMA.enterprise],
    externalId: user.externalId,
    userName: user.userName,
    active: true,
    displayName: `${givenName} ${familyName}`,
    name: { formatted: `${givenName} ${familyName}`, givenName, familyName },
    emails: [{ primary: true, type: 'work', value: user.userName }],
    phoneNumbers: [
      { type: 'work', value: `+1 555 ${String(1_000_000 + i).slice(-7)}` },
      { type: 'mobile', value: `+1 666 ${String(1_000_000 + i).slice(-7)}` },
    ],
    title: i % 7 === 0 ? 'Engineering Manager' : 'Software Engineer',
    [SCHEMA.enterprise]: {
      employeeNumber: String(100_000 + i),
      department: `Department ${i % 25}`,
    },
    [SCHEMA.rollcall]: { roleName: 'member' },
    meta: { resourceType: 'User' },
  };
}

export function updateUserBody(user) {
  return patchOp([
    {
      op: 'Replace',
      path: 'emails[type eq "work"].value',
      value: `new${user.index}@${BENCH_DOMAIN}`,
    },
    { op: 'Replace', path: 'name.givenName', value: `G${user.index}` },
  ]);
}

/** Entra deactivates with the string "False", not the boolean. */
export function deactivateUserBody() {
  return patchOp([{ op: 'Replace', path: 'active', value: 'False' }]);
}

export function createGroupBody(group) {
  return {
    schemas: [SCHEMA.group],
    externalId: group.externalId,
    displayName: group.displayName,
    meta: { resourceType: 'Group' },
  };
}

/** Entra sends membership changes in batches of at most 100 members per operation. */
export function membersPatchBody(op, memberIds) {
  return patchOp([{ op, path: 'members', value: memberIds.map((value) => ({ value })) }]);
}

function patchOp(operations) {
  return { schemas: [SCHEMA.patchOp], Operations: operations };
}

/** `filter=<attr> eq "<value>"`, URL-encoded as Entra does. */
export function eqFilter(attribute, value) {
  return `filter=${encodeURIComponent(`${attribute} eq "${value}"`)}`;
}
