import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RecordProvisioningRequest } from '@rollcall/audit';
import { TestApi } from './support/test-api';
import {
  GROUP_URN,
  PUBLIC_URL,
  aScimGroup,
  addMembers,
  anAddMembersPatch,
  aRemoveMembersPatch,
  memberValues,
  removeMembers,
  type ScimGroupResource,
} from './support/scim-group.builder';
import { ScimGroups, nth } from './support/scim-groups.client';
import { aPatch, unique } from './support/scim-user.builder';
import { SCIM_JSON, bodyOf, expectScimError } from './support/scim-users.client';

const sorted = (ids: readonly string[]) => [...ids].sort();

describe('SCIM PATCH /Groups/{id}: the shapes Entra sends', () => {
  let api: TestApi;
  let groups: ScimGroups;
  let other: ScimGroups;
  /** 450 users of the organization, shared by the tests (each uses its own slice). */
  let people: string[];
  let strangers: string[];

  beforeAll(async () => {
    api = await TestApi.start({ PUBLIC_URL });
    groups = new ScimGroups(api, (await api.createOrganization('Contoso')).scimToken);
    other = new ScimGroups(api, (await api.createOrganization('Fabrikam')).scimToken);
    people = await groups.createUsers(450);
    strangers = await other.createUsers(2);
  }, 120_000);

  afterAll(async () => {
    await api.stop();
  });

  async function aGroup(members: readonly string[] = []): Promise<ScimGroupResource> {
    return groups.create(aScimGroup({ members: memberValues(members) }));
  }

  describe('members', () => {
    it('adds a batch of 150 `{ value, $ref: null }` with 204 and no body; GET lists all 150', async () => {
      const group = await aGroup();
      const batch = people.slice(0, 150);
      const response = await groups.patch(group.id, anAddMembersPatch(batch));
      expect(response.status).toBe(204);
      expect(await response.text()).toBe('');
      const fetched = await groups.get(group.id);
      expect(sorted((fetched.members ?? []).map((m) => m.value))).toEqual(sorted(batch));
      expect(fetched.meta.version).not.toBe(group.meta.version);
    });

    it('adds existing members again with 204 and no duplicates (Entra retries)', async () => {
      const first = people.slice(0, 10);
      const group = await aGroup(first);
      await groups.patched(group.id, anAddMembersPatch([...first, ...first, nth(people, 10)]));
      await groups.patched(group.id, anAddMembersPatch(first));
      const members = (await groups.get(group.id)).members ?? [];
      expect(members).toHaveLength(11);
      expect(sorted(members.map((m) => m.value))).toEqual(sorted(people.slice(0, 11)));
    });

    it('removes exactly the listed values with Remove path "members"', async () => {
      const all = people.slice(20, 40);
      const group = await aGroup(all);
      const gone = [nth(all, 0), nth(all, 5), nth(all, 19)];
      await groups.patched(group.id, aRemoveMembersPatch(gone));
      expect(await groups.memberIds(group.id)).toEqual(
        sorted(all.filter((id) => !gone.includes(id))),
      );
    });

    it('removes one member with Remove path members[value eq "<id>"]', async () => {
      const all = people.slice(40, 43);
      const group = await aGroup(all);
      await groups.patched(
        group.id,
        aPatch({ op: 'Remove', path: `members[value eq "${all[1]}"]` }),
      );
      expect(await groups.memberIds(group.id)).toEqual(sorted([nth(all, 0), nth(all, 2)]));
    });

    it('removes every member with Remove path "members" and no value', async () => {
      const group = await aGroup(people.slice(43, 60));
      await groups.patched(group.id, aPatch({ op: 'Remove', path: 'members' }));
      expect((await groups.get(group.id)).members).toEqual([]);
    });

    it('answers 204 when removing a non-member or an unknown id, changing nothing', async () => {
      const all = people.slice(60, 63);
      const group = await aGroup(all);
      await groups.patched(group.id, aRemoveMembersPatch([nth(people, 63), randomUUID()]));
      await groups.patched(
        group.id,
        aPatch({ op: 'Remove', path: `members[value eq "${people[64]}"]` }),
      );
      expect(await groups.memberIds(group.id)).toEqual(sorted(all));
    });

    it('applies several member operations of one request in order', async () => {
      const group = await aGroup(people.slice(65, 70));
      await groups.patched(
        group.id,
        aPatch(
          addMembers(people.slice(70, 75)),
          removeMembers([nth(people, 65), nth(people, 71)]),
          addMembers([nth(people, 65)]),
        ),
      );
      expect(await groups.memberIds(group.id)).toEqual(
        sorted(people.slice(65, 75).filter((id) => id !== people[71])),
      );
    });

    it('sets the member list with a no-path Replace object holding members', async () => {
      const group = await aGroup(people.slice(75, 80));
      await groups.patched(
        group.id,
        aPatch({ op: 'Replace', value: { members: memberValues(people.slice(78, 82)) } }),
      );
      expect(await groups.memberIds(group.id)).toEqual(sorted(people.slice(78, 82)));
    });
  });

  describe('displayName and externalId', () => {
    it('replaces displayName and externalId by path', async () => {
      const group = await aGroup(people.slice(82, 84));
      const name = unique('Renamed ');
      await groups.patched(
        group.id,
        aPatch(
          { op: 'Replace', path: 'displayName', value: name },
          { op: 'Replace', path: 'externalId', value: 'ext-new' },
        ),
      );
      const fetched = await groups.get(group.id);
      expect(fetched).toMatchObject({ displayName: name, externalId: 'ext-new' });
      expect(sorted((fetched.members ?? []).map((m) => m.value))).toEqual(
        sorted(people.slice(82, 84)),
      );
      expect(await groups.idsMatching(`displayName eq "${name.toLowerCase()}"`)).toEqual([
        group.id,
      ]);
      expect(await groups.idsMatching(`displayName eq "${group.displayName}"`)).toEqual([]);
    });

    it('replaces with a no-path value object { displayName, externalId }', async () => {
      const group = await aGroup();
      const name = unique('No-path ');
      await groups.patched(
        group.id,
        aPatch({ op: 'Replace', value: { displayName: name, externalId: 'ext-no-path' } }),
      );
      expect(await groups.get(group.id, '?excludedAttributes=members')).toMatchObject({
        id: group.id,
        displayName: name,
        externalId: 'ext-no-path',
      });
    });

    it.each([
      ['add', 'remove', 'replace'],
      ['ADD', 'REMOVE', 'REPLACE'],
      ['Add', 'rEmOvE', 'rePlace'],
    ])('accepts ops in any case: %s / %s / %s', async (add, remove, replace) => {
      const group = await aGroup([nth(people, 90)]);
      const name = unique('Cased ');
      await groups.patched(
        group.id,
        aPatch(
          { op: add, path: 'members', value: memberValues([nth(people, 91)]) },
          { op: remove, path: 'members', value: memberValues([nth(people, 90)]) },
          { op: replace, path: 'displayName', value: name },
        ),
      );
      const fetched = await groups.get(group.id);
      expect(fetched.displayName).toBe(name);
      expect(fetched.members?.map((m) => m.value)).toEqual([people[91]]);
    });

    it('answers 200 with the projected group when attributes is asked for', async () => {
      const group = await aGroup([nth(people, 92)]);
      const name = unique('Projected ');
      const response = await groups.patch(
        group.id,
        aPatch({ op: 'Replace', path: 'displayName', value: name }),
        '?attributes=displayName',
      );
      const body = await bodyOf<ScimGroupResource>(response, 200);
      expect(response.headers.get('content-type')).toMatch(SCIM_JSON);
      expect(body).toEqual({ schemas: [GROUP_URN], id: group.id, displayName: name });
      expect(response.headers.get('etag')).toBe((await groups.get(group.id)).meta.version);
    });

    it('answers 409 uniqueness when renaming to another group’s name in any case, changing nothing', async () => {
      const taken = await aGroup();
      const group = await aGroup([nth(people, 93)]);
      await expectScimError(
        await groups.patch(
          group.id,
          aPatch(addMembers([nth(people, 94)]), {
            op: 'Replace',
            path: 'displayName',
            value: taken.displayName.toUpperCase(),
          }),
        ),
        409,
        'uniqueness',
      );
      const after = await groups.get(group.id);
      expect(after.displayName).toBe(group.displayName);
      expect(after.members?.map((m) => m.value)).toEqual([people[93]]);
      // Its own name in another case is not a conflict.
      await groups.patched(
        group.id,
        aPatch({ op: 'Replace', path: 'displayName', value: group.displayName.toUpperCase() }),
      );
      expect((await groups.get(group.id)).displayName).toBe(group.displayName.toUpperCase());
    });

    it('answers 400 mutability when the required displayName is cleared (RFC 7644 §3.5.2.2)', async () => {
      const group = await aGroup();
      await expectScimError(
        await groups.patch(group.id, aPatch({ op: 'Replace', path: 'displayName', value: '' })),
        400,
        'mutability',
      );
      await expectScimError(
        await groups.patch(group.id, aPatch({ op: 'Remove', path: 'displayName' })),
        400,
        'mutability',
      );
      expect((await groups.get(group.id)).displayName).toBe(group.displayName);
    });
  });

  describe('a failing request changes nothing (one transaction)', () => {
    it.each([
      ['a user of another organization', () => nth(strangers, 0)],
      ['an unknown id', () => randomUUID()],
    ])(
      'answers 400 invalidValue for %s in a batch and applies none of it, nor the earlier rename',
      async (_case, strangerOf) => {
        const stranger = strangerOf();
        const kept = people.slice(100, 105);
        const group = await aGroup(kept);
        const batch = [...people.slice(105, 150), stranger, ...people.slice(150, 155)];
        const error = await expectScimError(
          await groups.patch(
            group.id,
            aPatch(
              { op: 'Replace', path: 'displayName', value: unique('Never ') },
              removeMembers([nth(kept, 0)]),
              addMembers(batch),
            ),
          ),
          400,
          'invalidValue',
        );
        expect(error.detail).toContain(stranger);
        const after = await groups.get(group.id);
        expect(after.displayName).toBe(group.displayName);
        expect(after.meta.version).toBe(group.meta.version);
        expect(sorted((after.members ?? []).map((m) => m.value))).toEqual(sorted(kept));
      },
    );

    it('answers 404 for an unknown group and 400 for a malformed PatchOp', async () => {
      await expectScimError(
        await groups.patch(randomUUID(), anAddMembersPatch([nth(people, 0)])),
        404,
      );
      const group = await aGroup();
      await expectScimError(
        await groups.patch(group.id, { Operations: 'nope' }),
        400,
        'invalidSyntax',
      );
      const response = await groups.patch(
        group.id,
        aPatch({ op: 'Add', path: 'members', value: [{}] }),
      );
      await expectScimError(response, 400, 'invalidValue');
      expect((await groups.get(group.id)).members).toEqual([]);
    });
  });

  describe('PUT /Groups/{id}', () => {
    it('replaces displayName, externalId and the member list', async () => {
      const group = await aGroup(people.slice(160, 165));
      const name = unique('Put ');
      const response = await groups.put(
        group.id,
        aScimGroup({
          displayName: name,
          externalId: 'ext-put',
          members: memberValues(people.slice(163, 168)),
        }),
      );
      const replaced = await bodyOf<ScimGroupResource>(response, 200);
      expect(replaced).toMatchObject({ id: group.id, displayName: name, externalId: 'ext-put' });
      expect(await groups.memberIds(group.id)).toEqual(sorted(people.slice(163, 168)));
    });
  });

  describe('cost: member PATCHes are a constant number of SQL statements', () => {
    /**
     * Every statement TypeORM sends while `work` runs, except the provisioning log's and the
     * webhook dispatcher's (it polls in the background, on its own schedule).
     */
    async function statementsDuring(work: () => Promise<void>): Promise<string[]> {
      // The log is written in the background; write what is buffered before counting.
      await api.app.get(RecordProvisioningRequest).flush();
      const logger = api.app.get(DataSource).logger;
      const original = logger.logQuery;
      const statements: string[] = [];
      logger.logQuery = (query, parameters, queryRunner) => {
        if (!/provisioning_log|webhook_/i.test(query)) statements.push(query);
        return original.call(logger, query, parameters, queryRunner);
      };
      try {
        await work();
      } finally {
        logger.logQuery = original;
      }
      return statements;
    }

    it('adds 100 and 400 members with the same small number of statements', async () => {
      const small = await aGroup();
      const large = await aGroup();
      const hundred = await statementsDuring(() =>
        groups.patched(small.id, anAddMembersPatch(people.slice(200, 300))),
      );
      const fourHundred = await statementsDuring(() =>
        groups.patched(large.id, anAddMembersPatch(people.slice(0, 400))),
      );
      expect(hundred.length).toBeLessThanOrEqual(12);
      expect(fourHundred.length).toBe(hundred.length);
      expect(hundred.filter((q) => /team_members/i.test(q))).toHaveLength(1);
      expect((await groups.get(large.id)).members).toHaveLength(400);
    });

    it('removes 100 and 400 members with the same small number of statements', async () => {
      const small = await aGroup(people.slice(0, 100));
      const large = await aGroup(people.slice(0, 400));
      const hundred = await statementsDuring(() =>
        groups.patched(small.id, aRemoveMembersPatch(people.slice(0, 100))),
      );
      const fourHundred = await statementsDuring(() =>
        groups.patched(large.id, aRemoveMembersPatch(people.slice(0, 400))),
      );
      expect(hundred.length).toBeLessThanOrEqual(12);
      expect(fourHundred.length).toBe(hundred.length);
      expect((await groups.get(large.id)).members).toEqual([]);
    });
  });
});
