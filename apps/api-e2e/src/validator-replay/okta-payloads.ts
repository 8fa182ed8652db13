import { randomUUID } from 'node:crypto';
import { USER_URN, type ScimBody } from '../support/scim-user.builder';
import { GROUP_URN } from './validator-payloads';

// Bodies as Okta's SCIM 2.0 test suite and its provisioning send them (developer.okta.com,
// "Build a SCIM provisioning integration"): core schema only, `groups: []` on users, an Okta
// user id as externalId, and the whole user again on every update.

/** A fresh userName in Okta's login form. */
export function anOktaUserName(): string {
  return `okta.${randomUUID().slice(0, 8)}@example.com`;
}

/** An Okta user id (`00u…`, 20 characters), which Okta sends as externalId. */
function anOktaId(): string {
  return `00u${randomUUID().replace(/-/g, '').slice(0, 17)}`;
}

/** POST /Users as Okta sends it; `password` only when the app syncs passwords. */
export function anOktaUser(
  userName = anOktaUserName(),
  options: { password?: string } = {},
): ScimBody {
  return {
    schemas: [USER_URN],
    userName,
    name: { givenName: 'Test', familyName: 'User' },
    emails: [{ primary: true, value: userName, type: 'work' }],
    displayName: 'Test User',
    locale: 'en-US',
    externalId: anOktaId(),
    groups: [],
    ...(options.password === undefined ? {} : { password: options.password }),
    active: true,
  };
}

/** PUT /Users/{id} as Okta sends it: the created user, its id, and what changed. */
export function anOktaUserUpdate(created: ScimBody, id: string, changes: ScimBody = {}): ScimBody {
  const { password: _password, ...withoutPassword } = created;
  return { ...withoutPassword, id, ...changes };
}

/** POST /Groups as Okta's group push sends it: no members yet. */
export function anOktaGroup(displayName = `Okta Group ${randomUUID().slice(0, 8)}`): ScimBody {
  return { schemas: [GROUP_URN], displayName, members: [] };
}

/** Members as Okta lists them in a group push PATCH: the user id and its login. */
export function oktaMembers(...users: { id: string; userName: string }[]): ScimBody[] {
  return users.map((user) => ({ value: user.id, display: user.userName }));
}
