import { randomUUID } from 'node:crypto';
import { readEventRows, type EventRow } from '../support/event-rows';
import { SCIM_AUTH_SCHEMES } from '../support/scim-auth-schemes';
import { TestApi, type TestOrganization } from '../support/test-api';
import {
  anOktaGroup,
  anOktaUser,
  anOktaUserName,
  anOktaUserUpdate,
  oktaMembers,
} from './okta-payloads';
import { ReplayClient } from './replay-client';
import {
  ERROR_URN,
  GROUP_URN,
  LIST_RESPONSE_URN,
  USER_URN,
  aPatchOp,
  type PatchOperation,
} from './validator-payloads';

// Okta's SCIM 2.0 test suite ("Okta SCIM 2.0 Spec Test") and the requests Okta's provisioning
// makes for a user's lifecycle and a group push, replayed offline through Okta's header
// token. Each check asserts what Okta's suite asserts: the status and the fields it reads.

type User = Record<string, unknown> & {
  id: string;
  userName: string;
  active: boolean;
  meta: { location: string; lastModified: string };
};

interface Member {
  value: string;
  display?: string;
}

type Group = Record<string, unknown> & { id: string; displayName: string; members?: Member[] };

interface ListResponse<T> {
  schemas: string[];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: T[];
}

const HEADER_TOKEN = SCIM_AUTH_SCHEMES.find((scheme) => scheme.name === 'secret token');

/** `?filter=userName eq "…"` as Okta encodes it: %20 for spaces, the quotes escaped too. */
function oktaFilter(attribute: string, value: string): string {
  return `filter=${encodeURIComponent(`${attribute} eq "${value}"`)}&startIndex=1&count=100`;
}

describe('Okta SCIM 2.0 test suite replay', () => {
  let api: TestApi;
  let org: TestOrganization;
  let scim: ReplayClient;

  beforeAll(async () => {
    if (!HEADER_TOKEN) throw new Error('the secret token scheme is missing');
    api = await TestApi.start();
    org = await api.createOrganization('Okta Org');
    scim = await ReplayClient.connect(api, org, HEADER_TOKEN);
  });

  afterAll(async () => {
    await api.stop();
  });

  const create = (body: Record<string, unknown>) => scim.expect<User>(201, 'POST', '/Users', body);
  const get = (id: string) => scim.expect<User>(200, 'GET', `/Users/${id}`);
  const put = (id: string, body: Record<string, unknown>) =>
    scim.expect<User>(200, 'PUT', `/Users/${id}`, body);
  const patchUser = (id: string, ...operations: PatchOperation[]) =>
    scim.expect<User>(200, 'PATCH', `/Users/${id}`, aPatchOp(...operations));
  const byUserName = (userName: string) =>
    scim.expect<ListResponse<User>>(200, 'GET', `/Users?${oktaFilter('userName', userName)}`);

  /** The organization's events about `userId`, in order, as type and payload. */
  async function eventsOf(userId: string): Promise<EventRow[]> {
    const rows = await readEventRows(api.database);
    return rows.filter((row) => row.organizationId === org.orgId && row.subjectId === userId);
  }

  describe('required tests: /Users', () => {
    it('GET /Users?count=1&startIndex=1 answers a ListResponse Okta can page', async () => {
      await create(anOktaUser());
      const page = await scim.expect<ListResponse<User>>(200, 'GET', '/Users?count=1&startIndex=1');
      scim.verify(() => {
        expect(page.schemas).toEqual([LIST_RESPONSE_URN]);
        expect(page.totalResults).toBeGreaterThanOrEqual(1);
        expect(page).toMatchObject({ startIndex: 1, itemsPerPage: 1 });
        expect(page.Resources).toHaveLength(1);
        expect(page.Resources[0]).toMatchObject({ id: expect.any(String) });
        expect(page.Resources[0]?.userName).toEqual(expect.any(String));
      });
    });

    it('a userName no user has matches nothing (200, totalResults 0)', async () => {
      const page = await byUserName(anOktaUserName());
      scim.verify(() => {
        expect(page).toMatchObject({ schemas: [LIST_RESPONSE_URN], totalResults: 0 });
        expect(page.Resources ?? []).toEqual([]);
      });
    });

    it('a random user id answers 404 in the SCIM error shape', async () => {
      const exchange = await scim.send('GET', `/Users/${randomUUID()}`);
      scim.verify(() => {
        expect(exchange.status).toBe(404);
        expect(exchange.body).toMatchObject({ schemas: [ERROR_URN], status: '404' });
        expect((exchange.body as { detail?: unknown }).detail).toEqual(expect.any(String));
      });
    });

    it('creates a user with realistic values, finds it by userName in any case, refuses it twice', async () => {
      const sent = anOktaUser(anOktaUserName(), { password: `Pw-${randomUUID()}` });
      const created = await create(sent);
      scim.verify(() => {
        expect(created).toMatchObject({
          schemas: expect.arrayContaining([USER_URN]),
          id: expect.any(String),
          userName: sent['userName'],
          active: true,
          externalId: sent['externalId'],
          displayName: 'Test User',
          name: { givenName: 'Test', familyName: 'User' },
          emails: sent['emails'],
        });
        // Rollcall keeps no member passwords: accepted, never stored or answered.
        expect(created).not.toHaveProperty('password');
      });
      const fetched = await get(created.id);
      scim.verify(() => expect(fetched).toEqual(created));

      for (const spelling of [created.userName, created.userName.toUpperCase()]) {
        const page = await byUserName(spelling);
        scim.verify(() => {
          expect(page).toMatchObject({ totalResults: 1, startIndex: 1, itemsPerPage: 1 });
          expect(page.Resources[0]).toEqual(created);
        });
      }

      const again = await scim.send('POST', '/Users', sent);
      scim.verify(() => {
        expect(again.status).toBe(409);
        expect(again.body).toMatchObject({
          schemas: [ERROR_URN],
          status: '409',
          scimType: 'uniqueness',
        });
      });
    });

    it('GET /Groups answers a ListResponse', async () => {
      const page = await scim.expect<ListResponse<Group>>(200, 'GET', '/Groups');
      scim.verify(() => expect(page.schemas).toEqual([LIST_RESPONSE_URN]));
    });
  });

  describe('user lifecycle through PUT', () => {
    it('a full-user PUT updates the user and tells user.updated with what changed', async () => {
      const sent = anOktaUser();
      const created = await create(sent);
      const update = anOktaUserUpdate(sent, created.id, {
        name: { givenName: 'Another', familyName: 'User' },
        displayName: 'Another User',
      });
      const updated = await put(created.id, update);
      const fetched = await get(created.id);
      scim.verify(() => {
        expect(updated).toEqual(fetched);
        expect(fetched).toMatchObject({
          id: created.id,
          userName: created.userName,
          active: true,
          displayName: 'Another User',
          name: { givenName: 'Another', familyName: 'User' },
        });
      });
      // Okta re-sends unchanged users whole: nothing is written, nothing is told.
      const again = await put(created.id, update);
      scim.verify(() => expect(again).toEqual(fetched));
      const events = await eventsOf(created.id);
      expect(events.map((event) => event.type)).toEqual(['user.created', 'user.updated']);
      expect(events[1]?.data['changed']).toEqual(['displayName', 'name']);
    });

    it('PUT active:false deactivates exactly as PATCH active false does; PUT active:true reactivates', async () => {
      const viaPut = anOktaUser();
      const viaPatch = anOktaUser();
      const putUser = await create(viaPut);
      const patchedUser = await create(viaPatch);

      const deactivated = await put(
        putUser.id,
        anOktaUserUpdate(viaPut, putUser.id, { active: false }),
      );
      const patched = await patchUser(patchedUser.id, {
        op: 'replace',
        value: { active: false },
      });
      const [putState, patchState] = [await get(putUser.id), await get(patchedUser.id)];
      scim.verify(() => {
        expect(deactivated).toEqual(putState);
        expect(patched).toEqual(patchState);
        expect(putState.active).toBe(false);
        expect(patchState.active).toBe(false);
      });
      // Same stored state: only what identifies the user differs.
      const comparable = (user: User) => {
        const {
          id: _id,
          userName: _userName,
          externalId: _externalId,
          emails: _emails,
          meta: _meta,
          ...rest
        } = user;
        return rest;
      };
      expect(comparable(putState)).toEqual(comparable(patchState));

      const [putEvents, patchEvents] = [await eventsOf(putUser.id), await eventsOf(patchedUser.id)];
      const shape = (events: EventRow[]) =>
        events.map((event) => ({ type: event.type, changed: event.data['changed'] }));
      expect(shape(putEvents)).toEqual(shape(patchEvents));
      // `active` is told by user.deactivated alone, whichever verb changed it.
      expect(putEvents.map((event) => event.type)).toEqual(['user.created', 'user.deactivated']);
      expect(Object.keys(putEvents[1]?.data ?? {}).sort()).toEqual(
        Object.keys(patchEvents[1]?.data ?? {}).sort(),
      );
      expect(putEvents.at(-1)).toMatchObject({
        type: 'user.deactivated',
        data: { user: { id: putUser.id, active: false } },
      });
      expect(patchEvents.at(-1)).toMatchObject({
        type: 'user.deactivated',
        data: { user: { id: patchedUser.id, active: false } },
      });

      const reactivated = await put(
        putUser.id,
        anOktaUserUpdate(viaPut, putUser.id, { active: true }),
      );
      scim.verify(() => expect(reactivated).toMatchObject({ id: putUser.id, active: true }));
      expect((await get(putUser.id)).active).toBe(true);
      const afterReactivation = await eventsOf(putUser.id);
      expect(afterReactivation.map((event) => event.type)).toEqual([
        'user.created',
        'user.deactivated',
        'user.reactivated',
      ]);
      expect(afterReactivation.at(-1)).toMatchObject({
        type: 'user.reactivated',
        data: { user: { id: putUser.id, active: true } },
      });
      const found = await byUserName(putUser.userName);
      scim.verify(() => expect(found.Resources[0]).toMatchObject({ active: true }));
    });
  });

  describe('group push', () => {
    it('creates the group, renames it by path-less replace, adds and removes members, and reads it back', async () => {
      const [ann, ben] = await Promise.all([create(anOktaUser()), create(anOktaUser())]);
      if (!ann || !ben) throw new Error('expected two users');
      const sent = anOktaGroup();
      const group = await scim.expect<Group>(201, 'POST', '/Groups', sent);
      scim.verify(() => {
        expect(group).toMatchObject({
          schemas: [GROUP_URN],
          id: expect.any(String),
          displayName: sent['displayName'],
        });
        expect(group.members ?? []).toEqual([]);
      });

      const renamed = `${String(sent['displayName'])} (renamed)`;
      const patchGroup = (...operations: PatchOperation[]) =>
        scim.expect<undefined>(204, 'PATCH', `/Groups/${group.id}`, aPatchOp(...operations));
      await patchGroup({ op: 'replace', value: { id: group.id, displayName: renamed } });
      await patchGroup({ op: 'add', path: 'members', value: oktaMembers(ann, ben) });

      const full = await scim.expect<Group>(200, 'GET', `/Groups/${group.id}`);
      scim.verify(() => {
        expect(full).toMatchObject({ schemas: [GROUP_URN], id: group.id, displayName: renamed });
        expect((full.members ?? []).map((member) => member.value).sort()).toEqual(
          [ann.id, ben.id].sort(),
        );
      });

      await patchGroup({ op: 'remove', path: `members[value eq "${ann.id}"]` });
      const after = await scim.expect<Group>(200, 'GET', `/Groups/${group.id}`);
      scim.verify(() => {
        expect(after).toMatchObject({ id: group.id, displayName: renamed });
        expect((after.members ?? []).map((member) => member.value)).toEqual([ben.id]);
      });

      const page = await scim.expect<ListResponse<Group>>(
        200,
        'GET',
        `/Groups?${oktaFilter('displayName', renamed)}`,
      );
      scim.verify(() => {
        expect(page.totalResults).toBe(1);
        expect(page.Resources[0]).toMatchObject({ id: group.id, displayName: renamed });
      });
    });
  });
});
