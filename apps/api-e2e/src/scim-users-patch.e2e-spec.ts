import { TestApi } from './support/test-api';
import {
  ENTERPRISE_URN,
  ROLLCALL_URN,
  aFullScimUser,
  aPatch,
  aScimUser,
} from './support/scim-user.builder';
import { ScimUsers, expectScimError } from './support/scim-users.client';

describe('SCIM /Users: PATCH in the shapes Entra sends (RFC 7644 §3.5.2)', () => {
  let api: TestApi;
  let users: ScimUsers;

  beforeAll(async () => {
    api = await TestApi.start();
    users = await ScimUsers.forNewOrganization(api);
  });

  afterAll(async () => {
    await api.stop();
  });

  describe('op names', () => {
    it.each(['Add', 'Replace', 'replace', 'ADD', 'add'])('accepts op %p', async (op) => {
      const user = await users.create(aScimUser());
      const after = await users.patchAndGet(
        user.id,
        aPatch({ op, path: 'title', value: 'Engineer' }),
      );
      expect(after['title']).toBe('Engineer');
    });

    it.each(['Remove', 'remove', 'REMOVE'])('accepts op %p', async (op) => {
      const user = await users.create(aScimUser({ title: 'Engineer' }));
      const after = await users.patchAndGet(user.id, aPatch({ op, path: 'title' }));
      expect(after).not.toHaveProperty('title');
    });

    it('answers 400 invalidSyntax for an unknown op', async () => {
      const user = await users.create(aScimUser());
      await expectScimError(
        await users.patch(user.id, aPatch({ op: 'Merge', path: 'title', value: 'x' })),
        400,
        'invalidSyntax',
      );
    });
  });

  describe('paths with value filters', () => {
    it('Replace emails[type eq "work"].value updates the work email only', async () => {
      const user = await users.create(aFullScimUser());
      const after = await users.patchAndGet(
        user.id,
        aPatch({
          op: 'Replace',
          path: 'emails[type eq "work"].value',
          value: 'grace.h@contoso.example',
        }),
      );
      expect(after['emails']).toEqual([
        { primary: true, type: 'work', value: 'grace.h@contoso.example' },
        { primary: false, type: 'home', value: 'grace@home.example' },
      ]);
      expect(await users.userNamesMatching('emails[value eq "grace.h@contoso.example"]')).toEqual([
        user.userName,
      ]);
    });

    it.each(['Add', 'Replace'])(
      '%s emails[type eq "work"].value creates the work email when missing',
      async (op) => {
        const user = await users.create(
          aScimUser({ emails: [{ type: 'home', value: 'me@home.example' }] }),
        );
        const after = await users.patchAndGet(
          user.id,
          aPatch({ op, path: 'emails[type eq "work"].value', value: 'me@contoso.example' }),
        );
        expect(after['emails']).toEqual([
          { type: 'home', value: 'me@home.example' },
          { type: 'work', value: 'me@contoso.example' },
        ]);
      },
    );

    it('Add phoneNumbers[type eq "mobile"].value creates it; Replace updates only the mobile', async () => {
      const user = await users.create(
        aScimUser({ phoneNumbers: [{ type: 'work', value: '+1 555 0100' }] }),
      );
      await users.patchAndGet(
        user.id,
        aPatch({ op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 555 0111' }),
      );
      const after = await users.patchAndGet(
        user.id,
        aPatch({
          op: 'Replace',
          path: 'phoneNumbers[type eq "mobile"].value',
          value: '+1 555 0122',
        }),
      );
      expect(after['phoneNumbers']).toEqual([
        { type: 'work', value: '+1 555 0100' },
        { type: 'mobile', value: '+1 555 0122' },
      ]);
    });

    it('Remove emails[type eq "work"] removes only the matching value', async () => {
      const user = await users.create(aFullScimUser());
      const after = await users.patchAndGet(
        user.id,
        aPatch({ op: 'Remove', path: 'emails[type eq "work"]' }),
      );
      expect(after['emails']).toEqual([
        { primary: false, type: 'home', value: 'grace@home.example' },
      ]);
    });

    it('Remove without a value filter removes the whole attribute', async () => {
      const user = await users.create(aFullScimUser());
      const after = await users.patchAndGet(
        user.id,
        aPatch({ op: 'Remove', path: 'phoneNumbers' }, { op: 'Remove', path: 'addresses' }),
      );
      expect(after).not.toHaveProperty('phoneNumbers');
      expect(after).not.toHaveProperty('addresses');
      expect(after['emails']).toEqual(user['emails']);
    });

    it('Remove with a value list removes those values (Entra member-style remove)', async () => {
      const user = await users.create(aFullScimUser());
      const after = await users.patchAndGet(
        user.id,
        aPatch({ op: 'Remove', path: 'emails', value: [{ value: 'GRACE@home.example' }] }),
      );
      expect(after['emails']).toEqual([{ primary: true, type: 'work', value: user.userName }]);
    });
  });

  describe('single-valued and extension paths', () => {
    it('Replace name.givenName keeps the other name parts', async () => {
      const user = await users.create(aScimUser());
      const after = await users.patchAndGet(
        user.id,
        aPatch({ op: 'Replace', path: 'name.givenName', value: 'Augusta' }),
      );
      expect(after['name']).toEqual({
        givenName: 'Augusta',
        familyName: 'Lovelace',
        formatted: 'Ada Lovelace',
      });
    });

    it('Replace a URN-qualified enterprise attribute', async () => {
      const user = await users.create(aFullScimUser());
      const after = await users.patchAndGet(
        user.id,
        aPatch({ op: 'Replace', path: `${ENTERPRISE_URN}:department`, value: 'Navy Research' }),
      );
      expect(after[ENTERPRISE_URN]).toEqual({
        ...(user[ENTERPRISE_URN] as Record<string, unknown>),
        department: 'Navy Research',
      });
    });

    it('takes manager as a bare string id and returns it complex; replace and remove work', async () => {
      const manager = await users.create(aScimUser());
      const other = await users.create(aScimUser());
      const user = await users.create(aScimUser());

      const added = await users.patchAndGet(
        user.id,
        aPatch({ op: 'Add', path: `${ENTERPRISE_URN}:manager`, value: manager.id }),
      );
      expect(added[ENTERPRISE_URN]).toEqual({
        manager: { value: manager.id, $ref: manager.meta.location },
      });

      const replaced = await users.patchAndGet(
        user.id,
        aPatch({ op: 'Replace', path: `${ENTERPRISE_URN}:manager`, value: { value: other.id } }),
      );
      expect(replaced[ENTERPRISE_URN]).toEqual({
        manager: { value: other.id, $ref: other.meta.location },
      });

      const removed = await users.patchAndGet(
        user.id,
        aPatch({ op: 'Remove', path: `${ENTERPRISE_URN}:manager` }),
      );
      expect(removed).not.toHaveProperty([ENTERPRISE_URN]);
    });

    it('sets roleName through the qualified and the unqualified path', async () => {
      const user = await users.create(aScimUser());
      const qualified = await users.patchAndGet(
        user.id,
        aPatch({ op: 'Add', path: `${ROLLCALL_URN}:roleName`, value: 'Team Lead' }),
      );
      expect(qualified[ROLLCALL_URN]).toEqual({ roleName: 'Team Lead' });
      const unqualified = await users.patchAndGet(
        user.id,
        aPatch({ op: 'Replace', path: 'roleName', value: 'admin' }),
      );
      expect(unqualified[ROLLCALL_URN]).toEqual({ roleName: 'admin' });
      expect(
        await users.userNamesMatching(`roleName eq "admin" and userName eq "${user.userName}"`),
      ).toEqual([user.userName]);
    });

    it('rejects an unknown roleName with 400 invalidValue and keeps the old one', async () => {
      const user = await users.create(aScimUser({ [ROLLCALL_URN]: { roleName: 'responder' } }));
      await expectScimError(
        await users.patch(
          user.id,
          aPatch({ op: 'Replace', path: `${ROLLCALL_URN}:roleName`, value: 'wizard' }),
        ),
        400,
        'invalidValue',
      );
      expect((await users.get(user.id))[ROLLCALL_URN]).toEqual({ roleName: 'responder' });
    });
  });

  describe('no-path value objects (aadOptscim062020)', () => {
    it('applies dotted, URN-qualified and plain keys', async () => {
      const user = await users.create(aFullScimUser());
      const after = await users.patchAndGet(
        user.id,
        aPatch({
          op: 'Replace',
          value: {
            'name.givenName': 'Gracie',
            'name.familyName': 'Hopper-Murray',
            displayName: 'Gracie Hopper-Murray',
            [`${ENTERPRISE_URN}:department`]: 'Fleet',
            [`${ENTERPRISE_URN}:manager`]: 'boss-id',
            active: false,
          },
        }),
      );
      expect(after['name']).toEqual({
        givenName: 'Gracie',
        familyName: 'Hopper-Murray',
        formatted: 'Rear Admiral Grace Hopper',
      });
      expect(after['displayName']).toBe('Gracie Hopper-Murray');
      expect(after[ENTERPRISE_URN]).toMatchObject({
        department: 'Fleet',
        costCenter: 'CC-42',
        manager: { value: 'boss-id', $ref: expect.stringMatching(/\/Users\/boss-id$/) },
      });
      expect(after.active).toBe(false);
    });

    it('accepts an extension URN key holding an object', async () => {
      const user = await users.create(aScimUser());
      const after = await users.patchAndGet(
        user.id,
        aPatch({
          op: 'Add',
          value: { [ENTERPRISE_URN]: { division: 'Ops' }, [ROLLCALL_URN]: { roleName: 'member' } },
        }),
      );
      expect(after[ENTERPRISE_URN]).toEqual({ division: 'Ops' });
      expect(after[ROLLCALL_URN]).toEqual({ roleName: 'member' });
    });
  });
});
