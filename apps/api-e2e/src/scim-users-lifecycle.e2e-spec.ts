import { TestApi } from './support/test-api';
import {
  ENTERPRISE_URN,
  ROLLCALL_URN,
  USER_URN,
  aFullScimUser,
  aPatch,
  aScimUser,
  unique,
  type ScimUserResource,
} from './support/scim-user.builder';
import { SCIM_JSON, ScimUsers, bodyOf, expectScimError } from './support/scim-users.client';

/** A resource without meta, to compare attributes across writes. */
function attributesOf(user: ScimUserResource): Omit<ScimUserResource, 'meta'> {
  const { meta: _meta, ...rest } = user;
  return rest;
}

describe('SCIM /Users: replace, deactivate, delete, isolation, concurrency', () => {
  let api: TestApi;
  let users: ScimUsers;

  beforeAll(async () => {
    api = await TestApi.start();
    users = await ScimUsers.forNewOrganization(api);
  });

  afterAll(async () => {
    await api.stop();
  });

  describe('PUT /Users/{id} (RFC 7644 §3.5.1)', () => {
    it('replaces the resource: attributes not sent are gone', async () => {
      const user = await users.create(aFullScimUser());
      const replacement = {
        schemas: [USER_URN],
        id: user.id,
        userName: user.userName,
        externalId: 'ext-replaced',
        displayName: 'Replaced',
        name: { familyName: 'Only' },
        active: true,
      };
      const response = await users.put(user.id, replacement);
      const replaced = await bodyOf<ScimUserResource>(response, 200);
      expect(response.headers.get('content-type')).toMatch(SCIM_JSON);
      expect(attributesOf(replaced)).toEqual(replacement);
      expect(replaced.meta.created).toBe(user.meta.created);
      expect(replaced.meta.version).not.toBe(user.meta.version);
      expect(await users.get(user.id)).toEqual(replaced);
    });

    it('answers 400 mutability when the body id differs from the URL', async () => {
      const user = await users.create(aScimUser());
      const other = await users.create(aScimUser());
      await expectScimError(
        await users.put(user.id, aScimUser({ id: other.id, userName: user.userName })),
        400,
        'mutability',
      );
      expect(await users.get(user.id)).toEqual(user);
      expect(await users.get(other.id)).toEqual(other);
    });

    it('answers 409 uniqueness when the new userName is taken, 400 when it is missing, 404 for an unknown id', async () => {
      const taken = await users.create(aScimUser());
      const user = await users.create(aScimUser());
      await expectScimError(
        await users.put(user.id, aScimUser({ userName: taken.userName.toUpperCase() })),
        409,
        'uniqueness',
      );
      await expectScimError(
        await users.put(user.id, aScimUser({ userName: undefined })),
        400,
        'invalidValue',
      );
      await expectScimError(
        await users.put('00000000-0000-4000-8000-000000000000', aScimUser()),
        404,
      );
      expect(await users.get(user.id)).toEqual(user);
    });
  });

  describe('deactivation (active=false keeps the record)', () => {
    it('PATCH active false keeps every attribute and the role; filters see it; active true restores', async () => {
      const user = await users.create(aFullScimUser({ [ROLLCALL_URN]: { roleName: 'team_lead' } }));

      const deactivated = await users.patched(
        user.id,
        aPatch({ op: 'Replace', path: 'active', value: 'False' }),
      );
      expect(deactivated.active).toBe(false);
      const fetched = await users.get(user.id);
      expect(fetched).toEqual(deactivated);
      expect(attributesOf(fetched)).toEqual({ ...attributesOf(user), active: false });
      expect(fetched[ROLLCALL_URN]).toEqual({ roleName: 'team_lead' });

      expect(
        await users.userNamesMatching(`active eq false and userName eq "${user.userName}"`),
      ).toEqual([user.userName]);
      expect(
        await users.userNamesMatching(`active eq true and userName eq "${user.userName}"`),
      ).toEqual([]);
      expect(await users.userNamesMatching(`userName eq "${user.userName}"`)).toEqual([
        user.userName,
      ]);

      const reactivated = await users.patched(
        user.id,
        aPatch({ op: 'Replace', path: 'active', value: 'True' }),
      );
      expect(attributesOf(reactivated)).toEqual(attributesOf(user));
      expect(attributesOf(await users.get(user.id))).toEqual(attributesOf(user));
      expect(
        await users.userNamesMatching(`active eq true and userName eq "${user.userName}"`),
      ).toEqual([user.userName]);
    });
  });

  describe('DELETE /Users/{id}', () => {
    it('answers 204, then GET 404 with a SCIM error, a second DELETE 404, and the userName is free again', async () => {
      const bystander = await users.create(aScimUser());
      const user = await users.create(aFullScimUser());

      const response = await users.delete(user.id);
      expect(response.status).toBe(204);
      expect(await response.text()).toBe('');

      const missing = await expectScimError(await users.fetch(user.id), 404);
      expect(missing.detail).toContain(user.id);
      await expectScimError(await users.delete(user.id), 404);
      await expectScimError(
        await users.patch(user.id, aPatch({ op: 'Replace', path: 'title', value: 'x' })),
        404,
      );
      expect(await users.userNamesMatching(`userName eq "${user.userName}"`)).toEqual([]);

      const recreated = await users.create(aScimUser({ userName: user.userName }));
      expect(recreated.id).not.toBe(user.id);
      expect(recreated).not.toHaveProperty([ENTERPRISE_URN]);
      expect(await users.get(bystander.id)).toEqual(bystander);
    });
  });

  describe('tenant isolation', () => {
    it("org B's token never sees or touches org A's users", async () => {
      const orgA = await ScimUsers.forNewOrganization(api, 'Org A');
      const orgB = await ScimUsers.forNewOrganization(api, 'Org B');
      const alice = await orgA.create(aFullScimUser());

      await expectScimError(await orgB.fetch(alice.id), 404);
      await expectScimError(
        await orgB.patch(alice.id, aPatch({ op: 'Replace', path: 'active', value: false })),
        404,
      );
      await expectScimError(await orgB.put(alice.id, aScimUser({ userName: alice.userName })), 404);
      await expectScimError(await orgB.delete(alice.id), 404);

      expect((await orgB.list()).totalResults).toBe(0);
      expect(await orgB.userNamesMatching(`userName eq "${alice.userName}"`)).toEqual([]);
      expect(await orgB.userNamesMatching(`id eq "${alice.id}"`)).toEqual([]);
      const search = await api.scim(orgB.token, 'POST', '/Users/.search', {
        filter: `externalId eq "${String(alice['externalId'])}"`,
      });
      expect((await bodyOf<{ totalResults: number }>(search, 200)).totalResults).toBe(0);

      // userName is unique per organization, not across them.
      const bobInB = await orgB.create(aScimUser({ userName: alice.userName }));
      expect(bobInB.id).not.toBe(alice.id);
      expect(await orgA.get(alice.id)).toEqual(alice);
      expect((await orgA.list()).totalResults).toBe(1);
    });

    it('answers 401 for an unknown token', async () => {
      const response = await api.scim('not-a-real-token', 'GET', '/Users');
      await expectScimError(response, 401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    });
  });

  describe('concurrency', () => {
    it('20 parallel POSTs with distinct userNames all succeed', async () => {
      const org = await ScimUsers.forNewOrganization(api, 'Parallel Org');
      const names = Array.from({ length: 20 }, () => `${unique('parallel')}@contoso.example`);
      const responses = await Promise.all(
        names.map((userName) => org.post(aScimUser({ userName }))),
      );
      expect(responses.map((r) => r.status)).toEqual(names.map(() => 201));
      const created = await Promise.all(responses.map((r) => bodyOf<ScimUserResource>(r, 201)));
      expect(new Set(created.map((u) => u.id)).size).toBe(20);
      const page = await org.list({ count: 100 });
      expect(page.totalResults).toBe(20);
      expect(page.Resources.map((u) => u.userName).sort()).toEqual([...names].sort());
    });

    it('5 parallel POSTs of one userName: exactly one 201, the rest 409 uniqueness', async () => {
      const org = await ScimUsers.forNewOrganization(api, 'Race Org');
      const userName = `${unique('race')}@contoso.example`;
      const variants = [
        userName,
        userName.toUpperCase(),
        userName,
        userName,
        userName.toUpperCase(),
      ];
      const responses = await Promise.all(
        variants.map((name) => org.post(aScimUser({ userName: name }))),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409]);
      for (const response of responses.filter((r) => r.status === 409)) {
        await expectScimError(response, 409, 'uniqueness');
      }
      expect((await org.list()).totalResults).toBe(1);
    });
  });
});
