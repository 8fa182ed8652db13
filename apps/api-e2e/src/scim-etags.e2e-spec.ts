import { readEventRows } from './support/event-rows';
import {
  aScimGroup,
  anAddMembersPatch,
  type ScimGroupResource,
} from './support/scim-group.builder';
import { ScimGroups } from './support/scim-groups.client';
import { aPatch, aScimUser, type ScimUserResource } from './support/scim-user.builder';
import { ScimUsers, bodyOf, expectScimError } from './support/scim-users.client';
import { TestApi } from './support/test-api';

// RFC 7644 §3.14 as Okta uses it: GET sends the version as ETag, If-None-Match answers 304,
// and If-Match on PUT, PATCH and DELETE answers 412 preconditionFailed when the resource
// changed since, writing nothing. Entra never sends either header: those requests are
// answered as before (the other SCIM specs).
describe('SCIM ETags: If-None-Match and If-Match on /Users and /Groups', () => {
  let api: TestApi;
  let orgId: string;
  let token: string;
  let users: ScimUsers;
  let groups: ScimGroups;

  beforeAll(async () => {
    api = await TestApi.start();
    const org = await api.createOrganization('ETag Org');
    orgId = org.orgId;
    token = org.scimToken;
    users = new ScimUsers(api, token);
    groups = new ScimGroups(api, token);
  });

  afterAll(async () => {
    await api.stop();
  });

  const send = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    api.scim(token, method, path, body, headers);

  const eventCount = async () =>
    (await readEventRows(api.database)).filter((row) => row.organizationId === orgId).length;

  /** A 304: the ETag, no body, no content type. */
  async function expectNotModified(response: Response, tag: string): Promise<void> {
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe(tag);
    expect(await response.text()).toBe('');
  }

  it('advertises etag support in ServiceProviderConfig', async () => {
    const config = await bodyOf<{ etag: { supported: boolean } }>(
      await send('GET', '/ServiceProviderConfig', {}),
      200,
    );
    expect(config.etag).toEqual({ supported: true });
  });

  describe('/Users', () => {
    it('answers GET with the ETag, and 304 to If-None-Match with the current tag (or *)', async () => {
      const user = await users.create(aScimUser());
      const tag = user.meta.version;
      const read = await users.fetch(user.id);
      expect(read.status).toBe(200);
      expect(read.headers.get('etag')).toBe(tag);

      await expectNotModified(
        await send('GET', `/Users/${user.id}`, { 'If-None-Match': tag }),
        tag,
      );
      await expectNotModified(
        await send('GET', `/Users/${user.id}`, { 'If-None-Match': `W/"0", ${tag}` }),
        tag,
      );
      await expectNotModified(
        await send('GET', `/Users/${user.id}`, { 'If-None-Match': '*' }),
        tag,
      );
      // The strong form of the tag compares weakly equal.
      await expectNotModified(
        await send('GET', `/Users/${user.id}`, { 'If-None-Match': tag.slice(2) }),
        tag,
      );

      const changed = await send('GET', `/Users/${user.id}`, { 'If-None-Match': 'W/"999"' });
      expect(await bodyOf<ScimUserResource>(changed, 200)).toEqual(await users.get(user.id));
      await expectScimError(
        await send('GET', '/Users/00000000-0000-4000-8000-000000000000', { 'If-None-Match': '*' }),
        404,
      );
    });

    it('answers a stale If-Match on PATCH, PUT and DELETE with 412, writing and telling nothing', async () => {
      const created = await users.create(aScimUser({ title: 'Navigator' }));
      const stale = created.meta.version;
      await users.patched(created.id, aPatch({ op: 'replace', path: 'title', value: 'Admiral' }));
      const current = await users.get(created.id);
      const events = await eventCount();

      const patch = aPatch({ op: 'replace', path: 'title', value: 'Captain' });
      await expectScimError(
        await send('PATCH', `/Users/${created.id}`, { 'If-Match': stale }, patch),
        412,
        'preconditionFailed',
      );
      const { id: _id, meta: _meta, ...document } = current;
      await expectScimError(
        await send(
          'PUT',
          `/Users/${created.id}`,
          { 'If-Match': stale },
          {
            ...document,
            title: 'Captain',
          },
        ),
        412,
        'preconditionFailed',
      );
      await expectScimError(
        await send('DELETE', `/Users/${created.id}`, { 'If-Match': stale }),
        412,
        'preconditionFailed',
      );
      // A no-op PATCH with a stale tag fails too: the tag is checked before anything applies.
      await expectScimError(
        await send(
          'PATCH',
          `/Users/${created.id}`,
          { 'If-Match': stale },
          aPatch({ op: 'replace', path: 'title', value: 'Admiral' }),
        ),
        412,
        'preconditionFailed',
      );

      expect(await users.get(created.id)).toEqual(current);
      expect(await eventCount()).toBe(events);
    });

    it('applies PATCH, PUT and DELETE whose If-Match holds the current tag (or *)', async () => {
      const created = await users.create(aScimUser());
      const patched = await send(
        'PATCH',
        `/Users/${created.id}`,
        { 'If-Match': created.meta.version },
        aPatch({ op: 'replace', path: 'title', value: 'Navigator' }),
      );
      const afterPatch = await bodyOf<ScimUserResource>(patched, 200);
      expect(afterPatch.title).toBe('Navigator');
      expect(afterPatch.meta.version).not.toBe(created.meta.version);
      expect(patched.headers.get('etag')).toBe(afterPatch.meta.version);

      const { id: _id, meta: _meta, ...document } = afterPatch;
      const replaced = await send(
        'PUT',
        `/Users/${created.id}`,
        { 'If-Match': `W/"0", ${afterPatch.meta.version}` },
        { ...document, title: 'Admiral' },
      );
      const afterPut = await bodyOf<ScimUserResource>(replaced, 200);
      expect(afterPut.title).toBe('Admiral');

      const deleted = await send('DELETE', `/Users/${created.id}`, { 'If-Match': '*' });
      expect(deleted.status).toBe(204);
      await expectScimError(await users.fetch(created.id), 404);
      // * on a resource that does not exist is the 404 it always was.
      await expectScimError(await send('DELETE', `/Users/${created.id}`, { 'If-Match': '*' }), 404);
    });

    it('lets exactly one of two concurrent PATCHes with the same If-Match through', async () => {
      for (let trial = 0; trial < 5; trial += 1) {
        const user = await users.create(aScimUser());
        const events = await eventCount();
        const responses = await Promise.all(
          ['Navigator', 'Admiral'].map((title) =>
            send(
              'PATCH',
              `/Users/${user.id}`,
              { 'If-Match': user.meta.version },
              aPatch({ op: 'replace', path: 'title', value: title }),
            ),
          ),
        );
        const statuses = responses.map((response) => response.status).sort();
        expect(statuses).toEqual([200, 412]);
        const winner = responses.find((response) => response.status === 200);
        const won = await bodyOf<ScimUserResource>(winner as Response, 200);
        expect(await users.get(user.id)).toEqual(won);
        expect(await eventCount()).toBe(events + 1);
      }
    });
  });

  describe('/Groups', () => {
    it('answers GET with the ETag, and 304 to If-None-Match with the current tag', async () => {
      const group = await groups.create(aScimGroup());
      const tag = group.meta.version;
      for (const query of ['', '?excludedAttributes=members']) {
        const read = await groups.fetch(group.id, query);
        expect(read.status).toBe(200);
        expect(read.headers.get('etag')).toBe(tag);
        await expectNotModified(
          await send('GET', `/Groups/${group.id}${query}`, { 'If-None-Match': tag }),
          tag,
        );
      }
      const changed = await send('GET', `/Groups/${group.id}`, { 'If-None-Match': 'W/"999"' });
      expect(await bodyOf<ScimGroupResource>(changed, 200)).toEqual(await groups.get(group.id));
    });

    it('gives a group a new tag when a member is deleted, so If-None-Match no longer matches', async () => {
      const member = await groups.createUser();
      const group = await groups.create(aScimGroup());
      await groups.patched(group.id, anAddMembersPatch([member]));
      const tag = (await groups.get(group.id)).meta.version;
      expect((await users.delete(member)).status).toBe(204);
      const read = await send('GET', `/Groups/${group.id}`, { 'If-None-Match': tag });
      const after = await bodyOf<ScimGroupResource>(read, 200);
      expect(after.members ?? []).toEqual([]);
      expect(after.meta.version).not.toBe(tag);
    });

    it('gives a group a new tag when a member is renamed (members show their name), not on other changes', async () => {
      const member = await groups.createUser();
      const group = await groups.create(aScimGroup());
      await groups.patched(group.id, anAddMembersPatch([member]));
      const tag = (await groups.get(group.id)).meta.version;
      await users.patched(member, aPatch({ op: 'replace', path: 'title', value: 'Captain' }));
      expect((await groups.get(group.id)).meta.version).toBe(tag);

      await users.patched(member, aPatch({ op: 'replace', path: 'displayName', value: 'Renamed' }));
      const read = await send('GET', `/Groups/${group.id}`, { 'If-None-Match': tag });
      const after = await bodyOf<ScimGroupResource>(read, 200);
      expect(after.members).toEqual([
        expect.objectContaining({ value: member, display: 'Renamed' }),
      ]);
      expect(after.meta.version).not.toBe(tag);
    });

    it('answers a stale If-Match on PATCH, PUT and DELETE with 412, writing and telling nothing', async () => {
      const member = await groups.createUser();
      const created = await groups.create(aScimGroup());
      const stale = created.meta.version;
      await groups.patched(created.id, anAddMembersPatch([member]));
      const current = await groups.get(created.id);
      const events = await eventCount();

      await expectScimError(
        await send(
          'PATCH',
          `/Groups/${created.id}`,
          { 'If-Match': stale },
          aPatch({ op: 'remove', path: `members[value eq "${member}"]` }),
        ),
        412,
        'preconditionFailed',
      );
      await expectScimError(
        await send(
          'PUT',
          `/Groups/${created.id}`,
          { 'If-Match': stale },
          aScimGroup({ displayName: 'Renamed', members: [] }),
        ),
        412,
        'preconditionFailed',
      );
      await expectScimError(
        await send('DELETE', `/Groups/${created.id}`, { 'If-Match': stale }),
        412,
        'preconditionFailed',
      );

      expect(await groups.get(created.id)).toEqual(current);
      expect(await eventCount()).toBe(events);
    });

    it('applies PATCH, PUT and DELETE whose If-Match holds the current tag (or *)', async () => {
      const member = await groups.createUser();
      const created = await groups.create(aScimGroup());
      const patched = await send(
        'PATCH',
        `/Groups/${created.id}`,
        { 'If-Match': created.meta.version },
        anAddMembersPatch([member]),
      );
      expect(patched.status).toBe(204);
      const afterPatch = await groups.get(created.id);
      expect(afterPatch.members?.map((m) => m.value)).toEqual([member]);
      expect(afterPatch.meta.version).not.toBe(created.meta.version);

      const replaced = await send(
        'PUT',
        `/Groups/${created.id}`,
        { 'If-Match': afterPatch.meta.version },
        aScimGroup({ displayName: afterPatch.displayName, members: [] }),
      );
      const afterPut = await bodyOf<ScimGroupResource>(replaced, 200);
      expect(afterPut.members ?? []).toEqual([]);
      expect(replaced.headers.get('etag')).toBe(afterPut.meta.version);

      const deleted = await send('DELETE', `/Groups/${created.id}`, { 'If-Match': '*' });
      expect(deleted.status).toBe(204);
      await expectScimError(await groups.fetch(created.id), 404);
    });

    it('lets exactly one of two concurrent PATCHes with the same If-Match through', async () => {
      const a = await groups.createUser();
      const b = await groups.createUser();
      for (let trial = 0; trial < 5; trial += 1) {
        const group = await groups.create(aScimGroup());
        const events = await eventCount();
        const responses = await Promise.all(
          [a, b].map((member) =>
            send(
              'PATCH',
              `/Groups/${group.id}`,
              { 'If-Match': group.meta.version },
              anAddMembersPatch([member]),
            ),
          ),
        );
        const statuses = responses.map((response) => response.status).sort();
        expect(statuses).toEqual([204, 412]);
        const after = await groups.get(group.id);
        expect(after.members).toHaveLength(1);
        // One team.member_added, from the PATCH that won.
        expect(await eventCount()).toBe(events + 1);
      }
    });
  });
});
