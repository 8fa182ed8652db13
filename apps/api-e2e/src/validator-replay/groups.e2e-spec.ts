import { TestApi } from '../support/test-api';
import { SCIM_AUTH_SCHEMES } from '../support/scim-auth-schemes';
import { ReplayClient, SCIM_MEDIA_TYPE, entraFilter } from './replay-client';
import {
  ERROR_URN,
  GROUP_URN,
  LIST_RESPONSE_URN,
  aPatchOp,
  aValidatorGroup,
  aValidatorUser,
  memberRefs,
  type PatchOperation,
} from './validator-payloads';

// Microsoft's SCIM Validator (scimvalidator.microsoft.com) and the Entra gallery's automated
// validation, replayed offline for /Groups through every SCIM authentication scheme. Group
// PATCH answers 204 without a body, as Entra expects.

interface Member {
  value: string;
  display?: string;
}

type Group = Record<string, unknown> & {
  id: string;
  displayName: string;
  members?: Member[];
  meta: { location: string };
};

interface ListResponse {
  schemas: string[];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: Group[];
}

describe('Validator replay: /Groups', () => {
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
    /** Users of the organization, members-to-be. */
    let people: string[];

    beforeAll(async () => {
      scim = await ReplayClient.connect(api, await api.createOrganization('Contoso'), scheme);
      stranger = await ReplayClient.connect(api, await api.createOrganization('Fabrikam'), scheme);
      const created = await Promise.all(
        Array.from({ length: 4 }, () =>
          scim.expect<{ id: string }>(201, 'POST', '/Users', aValidatorUser()),
        ),
      );
      people = created.map((user) => user.id);
    });

    const person = (index: number): string => {
      const id = people[index];
      if (id === undefined) throw new Error(`no user at ${index}`);
      return id;
    };
    const create = (body: Record<string, unknown> = aValidatorGroup()) =>
      scim.expect<Group>(201, 'POST', '/Groups', body);
    const get = (id: string, query = '') => scim.expect<Group>(200, 'GET', `/Groups/${id}${query}`);
    const patch = (id: string, ...operations: PatchOperation[]) =>
      scim.expect<undefined>(204, 'PATCH', `/Groups/${id}`, aPatchOp(...operations));
    const named = (displayName: string) =>
      scim.expect<ListResponse>(
        200,
        'GET',
        `/Groups?excludedAttributes=members&${entraFilter('displayName', displayName)}`,
      );
    const memberIds = async (id: string) =>
      ((await get(id)).members ?? []).map((member) => member.value).sort();

    it('POST /Groups creates the group (201, Location), and GET returns what was sent', async () => {
      const sent = aValidatorGroup();
      const exchange = await scim.send('POST', '/Groups', sent);
      const created = exchange.body as Group;
      scim.verify(() => {
        expect(exchange.status).toBe(201);
        expect(exchange.headers.get('content-type')).toContain(SCIM_MEDIA_TYPE);
        expect(exchange.headers.get('location')).toBe(created.meta.location);
        expect(created).toMatchObject({
          schemas: [GROUP_URN],
          id: expect.any(String),
          externalId: sent['externalId'],
          displayName: sent['displayName'],
          meta: { resourceType: 'Group' },
        });
        expect(created.members ?? []).toEqual([]);
      });
      const fetched = await get(created.id);
      scim.verify(() => expect(fetched).toEqual(created));
    });

    it('POST /Groups with a displayName that exists answers 409 uniqueness and creates nothing', async () => {
      const group = await create();
      const duplicate = await scim.send('POST', '/Groups', aValidatorGroup(group.displayName));
      scim.verify(() => {
        expect(duplicate.status).toBe(409);
        expect(duplicate.body).toMatchObject({
          schemas: [ERROR_URN],
          status: '409',
          scimType: 'uniqueness',
        });
      });
      expect((await named(group.displayName)).totalResults).toBe(1);
    });

    it('GET /Groups/{id}?excludedAttributes=members leaves the members out', async () => {
      const group = await create({ ...aValidatorGroup(), members: memberRefs(person(0)) });
      expect(await memberIds(group.id)).toEqual([person(0)]);
      const head = await get(group.id, '?excludedAttributes=members');
      scim.verify(() => {
        expect(head).not.toHaveProperty('members');
        expect(head).toMatchObject({ id: group.id, displayName: group.displayName });
      });
    });

    it('filter displayName eq (exact and in another case) returns the group without members', async () => {
      const group = await create({ ...aValidatorGroup(), members: memberRefs(person(1)) });
      for (const variant of [
        group.displayName,
        group.displayName.toUpperCase(),
        group.displayName.toLowerCase(),
      ]) {
        const page = await named(variant);
        scim.verify(() => {
          expect(page).toMatchObject({
            schemas: [LIST_RESPONSE_URN],
            totalResults: 1,
            startIndex: 1,
            itemsPerPage: 1,
          });
          expect(page.Resources.map((found) => found.id)).toEqual([group.id]);
          expect(page.Resources[0]).not.toHaveProperty('members');
        });
      }
      const none = await named(`${group.displayName} (none)`);
      scim.verify(() =>
        expect(none).toEqual({
          schemas: [LIST_RESPONSE_URN],
          totalResults: 0,
          startIndex: 1,
          itemsPerPage: 0,
          Resources: [],
        }),
      );
    });

    it('PATCH Replace displayName and externalId (204), then GET shows both', async () => {
      const group = await create();
      const displayName = `${group.displayName} updated`;
      await patch(
        group.id,
        { op: 'Replace', path: 'displayName', value: displayName },
        { op: 'Replace', path: 'externalId', value: 'b7a3c1e0-updated' },
      );
      const after = await get(group.id);
      scim.verify(() =>
        expect(after).toMatchObject({ displayName, externalId: 'b7a3c1e0-updated' }),
      );
    });

    it('rename (no-path replace): the new displayName matches, the old one no longer does', async () => {
      const group = await create();
      const renamed = `Renamed ${group.displayName}`;
      await patch(group.id, { op: 'replace', value: { displayName: renamed } });
      expect((await get(group.id)).displayName).toBe(renamed);
      const found = await named(renamed);
      scim.verify(() => expect(found.Resources.map((g) => g.id)).toEqual([group.id]));
      expect((await named(group.displayName)).totalResults).toBe(0);
    });

    it('PATCH Add members (204): GET lists them; adding the same member again is not an error', async () => {
      const group = await create();
      await patch(group.id, { op: 'Add', path: 'members', value: memberRefs(person(0)) });
      expect(await memberIds(group.id)).toEqual([person(0)]);
      await patch(group.id, {
        op: 'Add',
        path: 'members',
        value: memberRefs(person(0), person(1)),
      });
      expect(await memberIds(group.id)).toEqual([person(0), person(1)].sort());
    });

    it('PATCH Remove members[value eq "…"] and Remove with a value list (204); removing an absent member is not an error', async () => {
      const group = await create({
        ...aValidatorGroup(),
        members: memberRefs(person(0), person(1), person(2), person(3)),
      });
      await patch(group.id, { op: 'Remove', path: `members[value eq "${person(0)}"]` });
      expect(await memberIds(group.id)).toEqual([person(1), person(2), person(3)].sort());

      await patch(group.id, {
        op: 'Remove',
        path: 'members',
        value: memberRefs(person(1), person(2)),
      });
      expect(await memberIds(group.id)).toEqual([person(3)]);

      await patch(group.id, { op: 'Remove', path: 'members', value: memberRefs(person(0)) });
      await patch(group.id, { op: 'Remove', path: `members[value eq "${person(1)}"]` });
      expect(await memberIds(group.id)).toEqual([person(3)]);
    });

    it('pagination: startIndex/count pages cover every group once, startIndex echoed', async () => {
      await Promise.all(Array.from({ length: 11 }, () => create()));
      const all = await scim.expect<ListResponse>(
        200,
        'GET',
        '/Groups?excludedAttributes=members&count=1000',
      );
      const total = all.totalResults;
      expect(total).toBeGreaterThanOrEqual(11);
      const seen: string[] = [];
      for (let startIndex = 1; startIndex <= total; startIndex += 5) {
        const page = await scim.expect<ListResponse>(
          200,
          'GET',
          `/Groups?startIndex=${startIndex}&count=5`,
        );
        scim.verify(() =>
          expect(page).toMatchObject({
            totalResults: total,
            startIndex,
            itemsPerPage: Math.min(5, total - startIndex + 1),
          }),
        );
        seen.push(...page.Resources.map((group) => group.id));
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual(all.Resources.map((group) => group.id).sort());
    });

    it('DELETE answers 204, then GET answers 404, and a second DELETE 404', async () => {
      const group = await create({ ...aValidatorGroup(), members: memberRefs(person(2)) });
      const deleted = await scim.send('DELETE', `/Groups/${group.id}`);
      scim.verify(() => {
        expect(deleted.status).toBe(204);
        expect(deleted.text).toBe('');
      });
      for (const method of ['GET', 'DELETE']) {
        const gone = await scim.send(method, `/Groups/${group.id}`);
        scim.verify(() => {
          expect(gone.status).toBe(404);
          expect(gone.body).toMatchObject({ schemas: [ERROR_URN], status: '404' });
        });
      }
      expect((await named(group.displayName)).totalResults).toBe(0);
      // The member is still a user of the organization.
      await scim.expect(200, 'GET', `/Users/${person(2)}`);
    });

    it("another organization's credentials neither see nor change these groups (404)", async () => {
      const group = await create({ ...aValidatorGroup(), members: memberRefs(person(3)) });
      for (const [method, body] of [
        ['GET', undefined],
        ['PATCH', aPatchOp({ op: 'Replace', path: 'displayName', value: 'Taken over' })],
        ['PUT', aValidatorGroup('Taken over')],
        ['DELETE', undefined],
      ] as const) {
        const answer = await stranger.send(method, `/Groups/${group.id}`, body);
        stranger.verify(() => expect(answer.status).toBe(404));
      }
      const filtered = await stranger.expect<ListResponse>(
        200,
        'GET',
        `/Groups?excludedAttributes=members&${entraFilter('displayName', group.displayName)}`,
      );
      expect(filtered.totalResults).toBe(0);
      // Nor can one organization's group take in another organization's user.
      const theirs = await stranger.expect<{ id: string }>(201, 'POST', '/Users', aValidatorUser());
      const mixed = await scim.send(
        'PATCH',
        `/Groups/${group.id}`,
        aPatchOp({ op: 'Add', path: 'members', value: memberRefs(theirs.id) }),
      );
      scim.verify(() =>
        expect(mixed.body).toMatchObject({ status: '400', scimType: 'invalidValue' }),
      );
      expect(await get(group.id)).toEqual(group);
    });
  });
});
