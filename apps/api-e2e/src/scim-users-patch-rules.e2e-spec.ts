import { TestApi } from './support/test-api';
import {
  ENTERPRISE_URN,
  aFullScimUser,
  aPatch,
  aScimUser,
  unique,
  type ScimUserResource,
} from './support/scim-user.builder';
import { ScimUsers, bodyOf, expectScimError } from './support/scim-users.client';

describe('SCIM /Users: PATCH values, errors and atomicity (RFC 7644 §3.5.2)', () => {
  let api: TestApi;
  let users: ScimUsers;

  beforeAll(async () => {
    api = await TestApi.start();
    users = await ScimUsers.forNewOrganization(api);
  });

  afterAll(async () => {
    await api.stop();
  });

  describe('active', () => {
    it.each<[unknown, boolean]>([
      [false, false],
      ['False', false],
      ['false', false],
      [true, true],
      ['True', true],
    ])('Replace active with %p → %p', async (value, expected) => {
      const user = await users.create(aScimUser({ active: !expected }));
      const after = await users.patchAndGet(
        user.id,
        aPatch({ op: 'Replace', path: 'active', value }),
      );
      expect(after.active).toBe(expected);
    });

    it('no-path {"active": "False"} deactivates', async () => {
      const user = await users.create(aScimUser());
      const after = await users.patchAndGet(
        user.id,
        aPatch({ op: 'Replace', value: { active: 'False' } }),
      );
      expect(after.active).toBe(false);
    });

    it('answers 400 invalidValue for active "maybe"', async () => {
      const user = await users.create(aScimUser());
      await expectScimError(
        await users.patch(user.id, aPatch({ op: 'Replace', path: 'active', value: 'maybe' })),
        400,
        'invalidValue',
      );
    });
  });

  describe('clearing with "" or null (Microsoft SCIM validator)', () => {
    it.each<[string, string, unknown]>([
      ['Replace', 'title', ''],
      ['Replace', 'title', null],
      ['Add', 'title', ''],
      ['Add', 'title', null],
    ])('%s %s with %p clears it', async (op, path, value) => {
      const user = await users.create(aScimUser({ title: 'Engineer' }));
      const after = await users.patchAndGet(user.id, aPatch({ op, path, value }));
      expect(after).not.toHaveProperty('title');
    });

    it('clears sub-attributes, extension attributes and filtered values', async () => {
      const user = await users.create(aFullScimUser());
      const after = await users.patchAndGet(
        user.id,
        aPatch(
          { op: 'Replace', path: 'name.givenName', value: '' },
          { op: 'Replace', path: `${ENTERPRISE_URN}:department`, value: null },
          { op: 'Replace', path: 'phoneNumbers[type eq "mobile"].value', value: '' },
          { op: 'Replace', path: 'nickName', value: null },
        ),
      );
      expect(after['name']).toEqual({
        familyName: 'Hopper',
        formatted: 'Rear Admiral Grace Hopper',
      });
      expect(after[ENTERPRISE_URN]).not.toHaveProperty('department');
      expect(after['phoneNumbers']).toEqual([
        { type: 'work', value: '+1 555 0100', primary: true },
      ]);
      expect(after).not.toHaveProperty('nickName');
    });
  });

  describe('errors and atomicity', () => {
    it.each([
      'favouriteColour',
      'name.shoeSize',
      'emails[type eq ].value',
      'urn:acme:2.0:User:badge',
      'emails[type eq "work"',
    ])('answers 400 invalidPath for path %p', async (path) => {
      const user = await users.create(aScimUser());
      await expectScimError(
        await users.patch(user.id, aPatch({ op: 'Replace', path, value: 'x' })),
        400,
        'invalidPath',
      );
    });

    it('a no-op PATCH answers 200 and leaves version and lastModified alone', async () => {
      const user = await users.create(aScimUser({ title: 'Engineer' }));
      const after = await users.patchAndGet(
        user.id,
        aPatch(
          { op: 'Replace', path: 'title', value: 'Engineer' },
          { op: 'Remove', path: 'nickName' },
        ),
      );
      expect(after).toEqual(user);
    });

    it('a real change bumps the version and keeps created', async () => {
      const user = await users.create(aScimUser());
      const response = await users.patch(
        user.id,
        aPatch({ op: 'Replace', path: 'title', value: 'Boss' }),
      );
      const after = await bodyOf<ScimUserResource>(response, 200);
      expect(after.meta.version).not.toBe(user.meta.version);
      expect(response.headers.get('etag')).toBe(after.meta.version);
      expect(after.meta.created).toBe(user.meta.created);
      expect(Date.parse(after.meta.lastModified)).toBeGreaterThanOrEqual(
        Date.parse(user.meta.lastModified),
      );
    });

    it('applies none of the operations when the last one is invalid', async () => {
      const user = await users.create(aFullScimUser());
      await expectScimError(
        await users.patch(
          user.id,
          aPatch(
            { op: 'Replace', path: 'displayName', value: 'Changed' },
            {
              op: 'Replace',
              path: 'emails[type eq "work"].value',
              value: 'changed@contoso.example',
            },
            { op: 'Remove', path: 'title' },
            { op: 'Replace', path: 'active', value: false },
            { op: 'Replace', path: 'noSuchAttribute', value: 'x' },
          ),
        ),
        400,
        'invalidPath',
      );
      expect(await users.get(user.id)).toEqual(user);
    });

    it('applies none of the operations when the last one breaks userName uniqueness', async () => {
      const taken = await users.create(aScimUser());
      const user = await users.create(aFullScimUser());
      await expectScimError(
        await users.patch(
          user.id,
          aPatch(
            { op: 'Replace', path: 'displayName', value: 'Changed' },
            { op: 'Replace', path: 'userName', value: taken.userName.toUpperCase() },
          ),
        ),
        409,
        'uniqueness',
      );
      expect(await users.get(user.id)).toEqual(user);
    });

    it('changes userName to a free one, and matching follows it', async () => {
      const user = await users.create(aScimUser());
      const renamed = `${unique('renamed')}@contoso.example`;
      const after = await users.patchAndGet(
        user.id,
        aPatch({ op: 'Replace', path: 'userName', value: renamed }),
      );
      expect(after.userName).toBe(renamed);
      expect(await users.userNamesMatching(`userName eq "${renamed.toUpperCase()}"`)).toEqual([
        renamed,
      ]);
      expect(await users.userNamesMatching(`userName eq "${user.userName}"`)).toEqual([]);
    });

    it('answers 400 mutability for removing the required userName', async () => {
      const user = await users.create(aScimUser());
      await expectScimError(
        await users.patch(user.id, aPatch({ op: 'Remove', path: 'userName' })),
        400,
        'mutability',
      );
    });

    it('answers 400 invalidSyntax for a body that is not a PatchOp', async () => {
      const user = await users.create(aScimUser());
      await expectScimError(await users.patch(user.id, { Operations: [] }), 400, 'invalidSyntax');
      await expectScimError(await users.patch(user.id, '{"schemas": ['), 400, 'invalidSyntax');
    });

    it('answers 404 for an unknown id', async () => {
      await expectScimError(
        await users.patch(
          '00000000-0000-4000-8000-000000000000',
          aPatch({ op: 'Replace', path: 'title', value: 'x' }),
        ),
        404,
      );
    });
  });
});
