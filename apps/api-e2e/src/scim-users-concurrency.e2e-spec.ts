import { TestApi } from './support/test-api';
import {
  ENTERPRISE_URN,
  aFullScimUser,
  aPatch,
  aScimUser,
  type ScimUserResource,
} from './support/scim-user.builder';
import { ScimUsers, bodyOf } from './support/scim-users.client';

/** Sixteen attributes a PATCH can set independently of one another (path → value). */
const DISTINCT_ATTRIBUTES: ReadonlyArray<readonly [string, string]> = [
  ['title', 'Navigator'],
  ['displayName', 'Grace B. Hopper'],
  ['nickName', 'Grace'],
  ['profileUrl', 'https://profiles.contoso.example/grace'],
  ['userType', 'Employee'],
  ['preferredLanguage', 'fr-FR'],
  ['locale', 'fr-FR'],
  ['timezone', 'Europe/Paris'],
  ['name.givenName', 'Gracie'],
  ['name.familyName', 'Murray'],
  ['name.middleName', 'Brewster'],
  ['name.honorificPrefix', 'Dr.'],
  [`${ENTERPRISE_URN}:department`, 'Compilers'],
  [`${ENTERPRISE_URN}:costCenter`, 'CC-7'],
  [`${ENTERPRISE_URN}:division`, 'Languages'],
  [`${ENTERPRISE_URN}:employeeNumber`, '2024'],
];

/** The value at a dotted or URN-qualified path of a SCIM user resource. */
function valueAt(user: ScimUserResource, path: string): unknown {
  if (path.startsWith(`${ENTERPRISE_URN}:`)) {
    const extension = user[ENTERPRISE_URN] as Record<string, unknown> | undefined;
    return extension?.[path.slice(ENTERPRISE_URN.length + 1)];
  }
  const [head, tail] = path.split('.') as [string, string | undefined];
  const value = user[head];
  return tail === undefined ? value : (value as Record<string, unknown> | undefined)?.[tail];
}

const versionOf = (user: ScimUserResource) => user.meta.version;

// Entra sends requests for one user in parallel (an attribute change and a deactivation in
// the same sync cycle). Every write that was acknowledged must still be there afterwards.
describe('SCIM /Users: concurrent writers to one user lose nothing', () => {
  let api: TestApi;
  let users: ScimUsers;

  beforeAll(async () => {
    api = await TestApi.start();
    users = await ScimUsers.forNewOrganization(api, 'Concurrency Org');
  });

  afterAll(async () => {
    await api.stop();
  });

  it('keeps a deactivation that races with a title change, in every trial', async () => {
    const outcomes: Array<{ trial: number; active: boolean; title: unknown; version: string }> = [];
    for (let trial = 0; trial < 25; trial += 1) {
      const user = await users.create(aScimUser());
      const title = `Title ${trial}`;
      const responses = await Promise.all([
        users.patch(user.id, aPatch({ op: 'Replace', path: 'active', value: false })),
        users.patch(user.id, aPatch({ op: 'Replace', path: 'title', value: title })),
      ]);
      expect(responses.map((r) => r.status)).toEqual([200, 200]);
      const after = await users.get(user.id);
      outcomes.push({ trial, active: after.active, title: after.title, version: versionOf(after) });
      expect(outcomes.at(-1)).toEqual({ trial, active: false, title, version: 'W/"3"' });
    }
  }, 120_000);

  it('keeps all 16 attributes that 16 concurrent PATCHes set, with one version per write', async () => {
    for (let round = 0; round < 3; round += 1) {
      const user = await users.create(aScimUser());
      const responses = await Promise.all(
        DISTINCT_ATTRIBUTES.map(([path, value]) =>
          users.patch(user.id, aPatch({ op: 'Replace', path, value: `${value} ${round}` })),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(DISTINCT_ATTRIBUTES.map(() => 200));
      const after = await users.get(user.id);
      const found = Object.fromEntries(
        DISTINCT_ATTRIBUTES.map(([path]) => [path, valueAt(after, path)]),
      );
      const expected = Object.fromEntries(
        DISTINCT_ATTRIBUTES.map(([path, value]) => [path, `${value} ${round}`]),
      );
      expect({ round, found }).toEqual({ round, found: expected });
      expect(versionOf(after)).toBe(`W/"${1 + DISTINCT_ATTRIBUTES.length}"`);
    }
  }, 120_000);

  it('answers each PATCH with a version above the one it read, and never reuses one', async () => {
    const user = await users.create(aScimUser());
    const responses = await Promise.all(
      DISTINCT_ATTRIBUTES.slice(0, 8).map(([path, value]) =>
        users.patch(user.id, aPatch({ op: 'Replace', path, value })),
      ),
    );
    const answered = await Promise.all(responses.map((r) => bodyOf<ScimUserResource>(r, 200)));
    const versions = answered.map(versionOf).sort();
    expect(new Set(versions).size).toBe(8);
    expect(versions).toEqual(
      ['2', '3', '4', '5', '6', '7', '8', '9'].map((n) => `W/"${n}"`).sort(),
    );
  });

  it('keeps a PATCH deactivation that races with a PUT of other attributes, ordered either way', async () => {
    for (let trial = 0; trial < 10; trial += 1) {
      const user = await users.create(aFullScimUser());
      const replacement = aFullScimUser({ userName: user.userName, title: `Captain ${trial}` });
      const [put, patch] = await Promise.all([
        users.put(user.id, replacement),
        users.patch(user.id, aPatch({ op: 'Replace', path: 'active', value: false })),
      ]);
      expect([put.status, patch.status]).toEqual([200, 200]);
      const after = await users.get(user.id);
      // The PUT sends active: true, so the last writer decides `active`; whichever it was,
      // the other write's effect is there too, and each write bumped the version once.
      const patchedLast = after.active === false;
      expect({ trial, title: after.title, version: versionOf(after) }).toEqual({
        trial,
        title: `Captain ${trial}`,
        version: 'W/"3"',
      });
      if (!patchedLast) {
        const patchBody = await bodyOf<ScimUserResource>(patch, 200);
        // The PATCH ran first: its answer was version 2, and the PUT replaced it.
        expect(versionOf(patchBody)).toBe('W/"2"');
      }
    }
  }, 120_000);

  it('never brings back a user whose DELETE raced with PATCHes', async () => {
    for (let round = 0; round < 8; round += 1) {
      const user = await users.create(aScimUser());
      const [deleted, ...patches] = await Promise.all([
        users.delete(user.id),
        ...DISTINCT_ATTRIBUTES.slice(0, 4).map(([path, value]) =>
          users.patch(user.id, aPatch({ op: 'Replace', path, value })),
        ),
      ]);
      expect(deleted?.status).toBe(204);
      for (const patch of patches) expect([200, 404]).toContain(patch.status);
      expect({ round, status: (await users.fetch(user.id)).status }).toEqual({
        round,
        status: 404,
      });
    }
  }, 120_000);
});
