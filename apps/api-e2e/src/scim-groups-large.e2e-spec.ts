import { ListDeletedTeams } from '@rollcall/teams';
import { TestApi } from './support/test-api';
import {
  GROUP_URN,
  PUBLIC_URL,
  SCIM_BASE_URL,
  aScimGroup,
  anAddMembersPatch,
  aRemoveMembersPatch,
  memberValues,
  type ScimGroupResource,
} from './support/scim-group.builder';
import { ScimGroups } from './support/scim-groups.client';
import { SCIM_JSON, bodyOf } from './support/scim-users.client';

const LARGE = 2000;
const sorted = (ids: Iterable<string>) => [...ids].sort();

describe('SCIM /Groups: a 2,000-member group, and concurrent member PATCHes', () => {
  let api: TestApi;
  let groups: ScimGroups;
  let people: string[];
  let orgId: string;

  beforeAll(async () => {
    // 2,000 creates at concurrency 50 run faster than the per-credential limit (200 a second):
    // this suite is about large groups, not about the limiter (abuse-limits covers that).
    api = await TestApi.start({ PUBLIC_URL, SCIM_RATE_LIMIT_PER_SECOND: '0' });
    const org = await api.createOrganization('Big Corp');
    orgId = org.orgId;
    groups = new ScimGroups(api, org.scimToken);
    people = await groups.createUsers(LARGE, 50);
  }, 300_000);

  afterAll(async () => {
    await api.stop();
  });

  describe('a group of 2,000 members filled in PATCH batches of 100', () => {
    let group: ScimGroupResource;

    beforeAll(async () => {
      group = await groups.create(aScimGroup({ displayName: 'Everyone at Big Corp' }));
      await groups.addInBatches(group.id, people, 100);
    }, 300_000);

    it('answers Entra’s matching query without members', async () => {
      const response = await groups.query({
        filter: 'displayName eq "everyone at big corp"',
        excludedAttributes: 'members',
      });
      const page = await bodyOf<{ totalResults: number; Resources: ScimGroupResource[] }>(
        response,
        200,
      );
      expect(response.headers.get('content-type')).toMatch(SCIM_JSON);
      expect(page.totalResults).toBe(1);
      expect(page.Resources).toHaveLength(1);
      expect(page.Resources[0]).not.toHaveProperty('members');
      expect(page.Resources[0]).toMatchObject({ id: group.id, displayName: group.displayName });
    });

    it('GETs valid JSON with all 2,000 unique members, each { value, $ref, display, type }', async () => {
      const response = await groups.fetch(group.id);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(SCIM_JSON);
      const text = await response.text();
      const fetched = JSON.parse(text) as ScimGroupResource;
      expect(response.headers.get('etag')).toBe(fetched.meta.version);
      expect(fetched).toMatchObject({
        schemas: [GROUP_URN],
        id: group.id,
        displayName: group.displayName,
        externalId: group.externalId,
      });
      const members = fetched.members ?? [];
      expect(members).toHaveLength(LARGE);
      expect(new Set(members.map((m) => m.value)).size).toBe(LARGE);
      expect(sorted(members.map((m) => m.value))).toEqual(sorted(people));
      for (const member of members) {
        expect(member).toEqual({
          value: member.value,
          $ref: `${SCIM_BASE_URL}/Users/${member.value}`,
          display: 'Ada Lovelace',
          type: 'User',
        });
      }
    });

    it('projects the large group without members on GET /Groups/{id}', async () => {
      const head = await groups.get(group.id, '?excludedAttributes=members');
      expect(head).not.toHaveProperty('members');
      expect(head.id).toBe(group.id);
    });

    it('removes 10 % by PATCH and lists exactly the rest', async () => {
      const gone = people.filter((_, index) => index % 10 === 0);
      for (let i = 0; i < gone.length; i += 100) {
        await groups.patched(group.id, aRemoveMembersPatch(gone.slice(i, i + 100)));
      }
      const goneSet = new Set(gone);
      expect(await groups.memberIds(group.id)).toEqual(
        sorted(people.filter((id) => !goneSet.has(id))),
      );
    });
  });

  describe('concurrency: Entra sends member PATCHes to one group in parallel', () => {
    it('leaves exactly the right member set after rounds of parallel adds and removes, with no 5xx', async () => {
      const initial = people.slice(0, 100);
      const group = await groups.create(aScimGroup({ members: memberValues(initial) }));
      const expected = new Set(initial);
      let next = 100;
      for (let round = 0; round < 4; round += 1) {
        const first = people.slice(next, next + 100);
        const second = people.slice(next + 100, next + 200);
        next += 200;
        // Some of the members present before the round, disjoint from both added sets.
        const removed = [...expected].filter((_, index) => index % 3 === round % 3).slice(0, 40);
        const responses = await Promise.all([
          groups.patch(group.id, anAddMembersPatch(first)),
          groups.patch(group.id, anAddMembersPatch(second)),
          groups.patch(group.id, aRemoveMembersPatch(removed)),
          // A retry of part of the first batch, as Entra sends after a timeout.
          groups.patch(group.id, anAddMembersPatch(first.slice(0, 30))),
        ]);
        const answers = await Promise.all(
          responses.map(async (r) => ({ status: r.status, body: await r.text() })),
        );
        expect(answers).toEqual(answers.map(() => ({ status: 204, body: '' })));
        for (const id of [...first, ...second]) expected.add(id);
        for (const id of removed) expected.delete(id);
        expect(await groups.memberIds(group.id)).toEqual(sorted(expected));
      }
    }, 120_000);

    it('bumps the version once per PATCH when member PATCHes race (the ETag must change with every change)', async () => {
      const group = await groups.create(aScimGroup());
      const batches = [0, 1, 2, 3, 4, 5].map((i) => people.slice(1000 + i * 50, 1050 + i * 50));
      const responses = await Promise.all(
        batches.map((batch) => groups.patch(group.id, anAddMembersPatch(batch))),
      );
      expect(responses.map((r) => r.status)).toEqual(batches.map(() => 204));
      expect(await groups.memberIds(group.id)).toEqual(sorted(batches.flat()));
      const after = await groups.get(group.id, '?excludedAttributes=members');
      // Each PATCH that changed the group bumped its version once.
      expect(after.meta.version).toBe(`W/"${1 + batches.length}"`);
    }, 120_000);

    it('keeps a rename that races with member PATCHes (no lost update of displayName)', async () => {
      const group = await groups.create(aScimGroup());
      const added: string[] = [];
      for (let round = 0; round < 5; round += 1) {
        const name = `Raced ${round} ${group.id}`;
        const batches = [0, 1, 2].map((i) =>
          people.slice(1400 + round * 60 + i * 20, 1420 + round * 60 + i * 20),
        );
        const responses = await Promise.all([
          ...batches.map((batch) => groups.patch(group.id, anAddMembersPatch(batch))),
          groups.patch(group.id, {
            schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
            Operations: [{ op: 'Replace', path: 'displayName', value: name }],
          }),
        ]);
        expect(responses.map((r) => r.status)).toEqual([204, 204, 204, 204]);
        added.push(...batches.flat());
        const after = await groups.get(group.id);
        expect({ round, displayName: after.displayName }).toEqual({ round, displayName: name });
        expect(sorted((after.members ?? []).map((m) => m.value))).toEqual(sorted(added));
      }
    }, 120_000);

    it('keeps a group deleted when member PATCHes race with its DELETE (no resurrection)', async () => {
      for (let round = 0; round < 5; round += 1) {
        const group = await groups.create(aScimGroup());
        const batches = [0, 1, 2].map((i) =>
          people.slice(1800 + round * 30 + i * 10, 1810 + round * 30 + i * 10),
        );
        const [deleted, ...patches] = await Promise.all([
          groups.delete(group.id),
          ...batches.map((batch) => groups.patch(group.id, anAddMembersPatch(batch))),
        ]);
        expect(deleted?.status).toBe(204);
        // Each PATCH ran before the delete (204) or after it (404); never a 5xx.
        for (const patch of patches) expect([204, 404]).toContain(patch.status);
        expect({ round, status: (await groups.fetch(group.id)).status }).toEqual({
          round,
          status: 404,
        });
        expect(await groups.idsMatching(`id eq "${group.id}"`)).toEqual([]);
        const pending = await api.app.get(ListDeletedTeams).execute(orgId);
        expect(pending.map((d) => d.team.id)).toContain(group.id);
      }
    }, 120_000);
  });
});
