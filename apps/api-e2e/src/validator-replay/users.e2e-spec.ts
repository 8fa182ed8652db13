import { TestApi } from '../support/test-api';
import { SCIM_AUTH_SCHEMES } from '../support/scim-auth-schemes';
import { ReplayClient, SCIM_MEDIA_TYPE, entraFilter } from './replay-client';
import {
  CLEARABLE_USER_ATTRIBUTES,
  ENTERPRISE_URN,
  ERROR_URN,
  LIST_RESPONSE_URN,
  aPatchOp,
  aTutorialUser,
  aUserName,
  aValidatorUser,
  attributeUpdates,
  valueAt,
  type PatchOperation,
} from './validator-payloads';

// Microsoft's SCIM Validator (scimvalidator.microsoft.com) and the Entra gallery's automated
// validation, replayed offline for /Users through every SCIM authentication scheme.

type Resource = Record<string, unknown> & { id: string; meta: { location: string } };

interface ListResponse {
  schemas: string[];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: Resource[];
}

describe('Validator replay: /Users', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api.stop();
  });

  describe.each(SCIM_AUTH_SCHEMES)('through $name', (scheme) => {
    let scim: ReplayClient;
    let stranger: ReplayClient;

    beforeAll(async () => {
      scim = await ReplayClient.connect(api, await api.createOrganization('Contoso'), scheme);
      stranger = await ReplayClient.connect(api, await api.createOrganization('Fabrikam'), scheme);
    });

    const create = (body: Record<string, unknown>) =>
      scim.expect<Resource>(201, 'POST', '/Users', body);
    const get = (id: string) => scim.expect<Resource>(200, 'GET', `/Users/${id}`);
    const matching = (userName: string) =>
      scim.expect<ListResponse>(200, 'GET', `/Users?${entraFilter('userName', userName)}`);

    /** PATCH answering 200 with the user; returns a fresh GET after checking they agree. */
    async function patchThenGet(id: string, ...operations: PatchOperation[]): Promise<Resource> {
      const answered = await scim.expect<Resource>(
        200,
        'PATCH',
        `/Users/${id}`,
        aPatchOp(...operations),
      );
      const fetched = await get(id);
      scim.verify(() => expect(answered).toEqual(fetched));
      return fetched;
    }

    it('POST /Users creates the user (201, Location), and GET returns every attribute sent', async () => {
      const manager = await create(aValidatorUser());
      const sent = aValidatorUser({ manager: manager.id });
      const exchange = await scim.send('POST', '/Users', sent);
      const created = exchange.body as Resource;
      scim.verify(() => {
        expect(exchange.status).toBe(201);
        expect(exchange.headers.get('content-type')).toContain(SCIM_MEDIA_TYPE);
        expect(exchange.headers.get('location')).toBe(created.meta.location);
        expect(created.id).toEqual(expect.any(String));
      });
      const fetched = await get(created.id);
      const enterprise = sent[ENTERPRISE_URN] as Record<string, unknown>;
      scim.verify(() => {
        expect(fetched).toEqual({
          ...sent,
          [ENTERPRISE_URN]: {
            ...enterprise,
            manager: { value: manager.id, $ref: manager.meta.location },
          },
          id: created.id,
          meta: {
            resourceType: 'User',
            created: expect.any(String),
            lastModified: expect.any(String),
            location: expect.stringMatching(new RegExp(`/scim/v2/Users/${created.id}$`)),
            version: expect.any(String),
          },
        });
        expect(created).toEqual(fetched);
      });
    });

    it("POST /Users in the tutorial's shape (read-only meta, empty roles) creates the user", async () => {
      const sent = aTutorialUser();
      const created = await create(sent);
      const fetched = await get(created.id);
      scim.verify(() => {
        expect(fetched).toEqual(created);
        expect(fetched).toMatchObject({
          userName: sent['userName'],
          externalId: sent['externalId'],
          active: true,
          emails: sent['emails'],
          name: sent['name'],
          meta: { resourceType: 'User', location: created.meta.location },
        });
        expect(fetched['roles'] ?? []).toEqual([]);
      });
    });

    it('POST /Users with a userName that exists answers 409 uniqueness and creates nothing', async () => {
      const body = aValidatorUser();
      await create(body);
      const duplicate = await scim.send('POST', '/Users', { ...body, externalId: 'another' });
      scim.verify(() => {
        expect(duplicate.status).toBe(409);
        expect(duplicate.body).toMatchObject({
          schemas: [ERROR_URN],
          status: '409',
          scimType: 'uniqueness',
        });
      });
      expect((await matching(body['userName'] as string)).totalResults).toBe(1);
    });

    it('filter userName eq an existing user returns exactly that user', async () => {
      const user = await create(aValidatorUser());
      const page = await matching(user['userName'] as string);
      scim.verify(() => {
        expect(page).toMatchObject({
          schemas: [LIST_RESPONSE_URN],
          totalResults: 1,
          startIndex: 1,
          itemsPerPage: 1,
        });
        expect(page.Resources).toEqual([user]);
      });
    });

    it('filter userName eq a user that does not exist returns 200 and an empty ListResponse', async () => {
      const page = await matching(aUserName('non-existent'));
      scim.verify(() =>
        expect(page).toEqual({
          schemas: [LIST_RESPONSE_URN],
          totalResults: 0,
          startIndex: 1,
          itemsPerPage: 0,
          Resources: [],
        }),
      );
    });

    it('filter userName eq the userName in another case still finds the user', async () => {
      const user = await create(aValidatorUser());
      const userName = user['userName'] as string;
      for (const variant of [userName.toUpperCase(), userName.toLowerCase()]) {
        const page = await matching(variant);
        scim.verify(() => {
          expect(page.totalResults).toBe(1);
          expect(page.Resources.map((found) => found.id)).toEqual([user.id]);
        });
      }
    });

    it('PATCH Replace of every mapped attribute, one operation per path (verbose), then GET shows each value', async () => {
      const user = await create(aValidatorUser());
      const updates = attributeUpdates();
      const after = await patchThenGet(
        user.id,
        ...Object.entries(updates).map(([path, value]) => ({ op: 'Replace', path, value })),
      );
      scim.verify(() => {
        for (const [path, value] of Object.entries(updates)) {
          expect({ path, value: valueAt(after, path) }).toEqual({ path, value });
        }
        expect(after['userName']).toBe(user['userName']);
        expect(after['active']).toBe(true);
      });
    });

    it('PATCH replace of the scalar attributes as one no-path value object (non-verbose), then GET shows each value', async () => {
      const user = await create(aValidatorUser());
      const updates = attributeUpdates();
      const scalar = Object.entries(updates).filter(([path]) => !path.includes('['));
      const multi = Object.entries(updates).filter(([path]) => path.includes('['));
      const after = await patchThenGet(
        user.id,
        ...multi.map(([path, value]) => ({ op: 'replace', path, value })),
        { op: 'replace', value: Object.fromEntries(scalar) },
      );
      scim.verify(() => {
        for (const [path, value] of Object.entries(updates)) {
          expect({ path, value: valueAt(after, path) }).toEqual({ path, value });
        }
      });
    });

    it('PATCH Replace userName: the new userName matches, the old one no longer does', async () => {
      const user = await create(aValidatorUser());
      const renamed = aUserName('Renamed');
      const after = await patchThenGet(user.id, {
        op: 'Replace',
        path: 'userName',
        value: renamed,
      });
      expect(after['userName']).toBe(renamed);
      const found = await matching(renamed);
      scim.verify(() => expect(found.Resources.map((r) => r.id)).toEqual([user.id]));
      expect((await matching(user['userName'] as string)).totalResults).toBe(0);
    });

    it.each<[string, PatchOperation]>([
      ['path active, value false', { op: 'Replace', path: 'active', value: false }],
      ['path active, value "False"', { op: 'Replace', path: 'active', value: 'False' }],
      ['no path, value { active: false }', { op: 'replace', value: { active: false } }],
    ])(
      'disable (%s): GET and filter both return the user with active false',
      async (_shape, operation) => {
        const user = await create(aValidatorUser());
        const after = await patchThenGet(user.id, operation);
        expect(after['active']).toBe(false);
        const page = await matching(user['userName'] as string);
        scim.verify(() => {
          expect(page.totalResults).toBe(1);
          expect(page.Resources[0]).toMatchObject({ id: user.id, active: false });
        });
      },
    );

    it('restore: PATCH active "True" after a disable brings the user back with its attributes', async () => {
      const user = await create(aValidatorUser());
      await patchThenGet(user.id, { op: 'Replace', path: 'active', value: 'False' });
      const restored = await patchThenGet(user.id, {
        op: 'Replace',
        path: 'active',
        value: 'True',
      });
      scim.verify(() => {
        expect(restored['active']).toBe(true);
        const { meta: _before, ...attributes } = user;
        expect(restored).toMatchObject(attributes);
      });
      const page = await matching(user['userName'] as string);
      scim.verify(() => expect(page.Resources[0]).toMatchObject({ id: user.id, active: true }));
    });

    it('manager: Add the id, replace it, then replace it with "" (SCIM_Update_Manager_Test)', async () => {
      const [first, second, user] = await Promise.all([
        create(aValidatorUser()),
        create(aValidatorUser()),
        create(aValidatorUser()),
      ]);
      const path = `${ENTERPRISE_URN}:manager`;
      const managerOf = (resource: Resource) => valueAt(resource, path);

      const set = await patchThenGet(user.id, { op: 'Add', path, value: first.id });
      expect(managerOf(set)).toEqual({ value: first.id, $ref: first.meta.location });

      const changed = await patchThenGet(user.id, { op: 'replace', path, value: second.id });
      expect(managerOf(changed)).toEqual({ value: second.id, $ref: second.meta.location });

      const removed = await patchThenGet(user.id, { op: 'replace', path, value: '' });
      expect(managerOf(removed)).toBeUndefined();
      // The other enterprise attributes stay.
      expect(valueAt(removed, `${ENTERPRISE_URN}:department`)).toBe('Flight Research');
    });

    it('manager: Add { value }, Replace { value }, then Remove the path (Entra provisioning)', async () => {
      const [first, second] = await Promise.all([
        create(aValidatorUser()),
        create(aValidatorUser()),
      ]);
      const user = await create(aValidatorUser({ manager: first.id }));
      const path = `${ENTERPRISE_URN}:manager`;

      const changed = await patchThenGet(user.id, {
        op: 'Replace',
        path,
        value: { value: second.id },
      });
      expect(valueAt(changed, path)).toEqual({ value: second.id, $ref: second.meta.location });

      const removed = await patchThenGet(user.id, { op: 'Remove', path });
      expect(valueAt(removed, path)).toBeUndefined();

      const added = await patchThenGet(user.id, { op: 'Add', path, value: { value: first.id } });
      expect(valueAt(added, path)).toEqual({ value: first.id, $ref: first.meta.location });
    });

    it.each<[string, '' | null]>([
      ['""', ''],
      ['null', null],
    ])(
      'null update: Replace with %s clears every optional mapped attribute (verbose)',
      async (_label, empty) => {
        const user = await create(aValidatorUser());
        const after = await patchThenGet(
          user.id,
          ...CLEARABLE_USER_ATTRIBUTES.map((path) => ({ op: 'replace', path, value: empty })),
        );
        scim.verify(() => {
          for (const path of CLEARABLE_USER_ATTRIBUTES) {
            expect({ path, value: valueAt(after, path) }).toEqual({ path, value: undefined });
          }
          expect(after).toMatchObject({ userName: user['userName'], active: true });
        });
      },
    );

    it('null update: "" for scalars in one no-path value object, then null, leaves them cleared', async () => {
      const user = await create(aValidatorUser());
      const scalar = CLEARABLE_USER_ATTRIBUTES.filter((path) => !path.includes('['));
      const emptied = await patchThenGet(user.id, {
        op: 'replace',
        value: Object.fromEntries(scalar.map((path) => [path, ''])),
      });
      // Phase 2 of SCIM_Null_Update_Test: null on attributes that are already empty.
      const nulled = await patchThenGet(user.id, {
        op: 'replace',
        value: Object.fromEntries(scalar.map((path) => [path, null])),
      });
      scim.verify(() => {
        for (const path of scalar) {
          expect({ path, value: valueAt(emptied, path) }).toEqual({ path, value: undefined });
          expect({ path, value: valueAt(nulled, path) }).toEqual({ path, value: undefined });
        }
        // The multi-valued attributes were not part of this PATCH.
        expect(nulled['emails']).toEqual(user['emails']);
        expect(nulled['phoneNumbers']).toEqual(user['phoneNumbers']);
      });
    });

    it('pagination: startIndex/count pages cover every user once, startIndex echoed, totalResults stable', async () => {
      await Promise.all(Array.from({ length: 11 }, () => create(aValidatorUser())));
      const all = await scim.expect<ListResponse>(200, 'GET', '/Users?count=1000');
      const total = all.totalResults;
      expect(total).toBeGreaterThanOrEqual(11);

      const seen: string[] = [];
      let startIndex = 1;
      let pages = 0;
      while (startIndex <= total) {
        const page = await scim.expect<ListResponse>(
          200,
          'GET',
          `/Users?startIndex=${startIndex}&count=5`,
        );
        const expectedSize = Math.min(5, total - startIndex + 1);
        scim.verify(() => {
          expect(page).toMatchObject({
            schemas: [LIST_RESPONSE_URN],
            totalResults: total,
            startIndex,
            itemsPerPage: expectedSize,
          });
          expect(page.Resources).toHaveLength(expectedSize);
        });
        seen.push(...page.Resources.map((user) => user.id));
        startIndex += page.Resources.length;
        pages += 1;
      }
      expect(pages).toBe(Math.ceil(total / 5));
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual(all.Resources.map((user) => user.id).sort());

      const beyond = await scim.expect<ListResponse>(
        200,
        'GET',
        `/Users?startIndex=${total + 1}&count=5`,
      );
      expect(beyond).toMatchObject({ totalResults: total, startIndex: total + 1, itemsPerPage: 0 });
    });

    it('PATCH answers 200 with exactly what a following GET returns', async () => {
      const user = await create(aValidatorUser());
      const after = await patchThenGet(
        user.id,
        { op: 'Add', path: 'nickName', value: 'Kat' },
        { op: 'Replace', path: 'name.givenName', value: 'Kat' },
        { op: 'Remove', path: 'title' },
        { op: 'Replace', path: `${ENTERPRISE_URN}:department`, value: 'Orbital Mechanics' },
      );
      scim.verify(() => {
        expect(after).toMatchObject({ nickName: 'Kat', name: { givenName: 'Kat' } });
        expect(after).not.toHaveProperty('title');
        expect(valueAt(after, `${ENTERPRISE_URN}:department`)).toBe('Orbital Mechanics');
      });
    });

    it('DELETE answers 204, then GET answers 404, and a second DELETE 404', async () => {
      const user = await create(aValidatorUser());
      const deleted = await scim.send('DELETE', `/Users/${user.id}`);
      scim.verify(() => {
        expect(deleted.status).toBe(204);
        expect(deleted.text).toBe('');
      });
      for (const method of ['GET', 'DELETE']) {
        const gone = await scim.send(method, `/Users/${user.id}`);
        scim.verify(() => {
          expect(gone.status).toBe(404);
          expect(gone.body).toMatchObject({ schemas: [ERROR_URN], status: '404' });
        });
      }
      expect((await matching(user['userName'] as string)).totalResults).toBe(0);
    });

    it("another organization's credentials neither see nor change these users (404)", async () => {
      const user = await create(aValidatorUser());
      for (const [method, body] of [
        ['GET', undefined],
        ['PATCH', aPatchOp({ op: 'Replace', path: 'active', value: false })],
        ['PUT', aValidatorUser({ userName: user['userName'] as string })],
        ['DELETE', undefined],
      ] as const) {
        const answer = await stranger.send(method, `/Users/${user.id}`, body);
        stranger.verify(() => expect(answer.status).toBe(404));
      }
      const filtered = await stranger.expect<ListResponse>(
        200,
        'GET',
        `/Users?${entraFilter('userName', user['userName'] as string)}`,
      );
      expect(filtered.totalResults).toBe(0);
      // Untouched for its own organization.
      expect(await get(user.id)).toEqual(user);
    });
  });
});
