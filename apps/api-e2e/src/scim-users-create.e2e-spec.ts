import { TestApi } from './support/test-api';
import {
  ENTERPRISE_URN,
  ROLLCALL_URN,
  USER_URN,
  aFullScimUser,
  aScimUser,
  unique,
  type ScimUserResource,
} from './support/scim-user.builder';
import { SCIM_JSON, ScimUsers, bodyOf, expectScimError } from './support/scim-users.client';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const VALID_ROLES = ['admin', 'billing_admin', 'team_lead', 'responder', 'member'];

describe('SCIM /Users: create and read (RFC 7644 §3.3, §3.4.1)', () => {
  let api: TestApi;
  let users: ScimUsers;

  beforeAll(async () => {
    api = await TestApi.start();
    users = await ScimUsers.forNewOrganization(api);
  });

  afterAll(async () => {
    await api.stop();
  });

  describe('POST /Users', () => {
    it('answers 201 with Location = meta.location, application/scim+json, and every attribute sent', async () => {
      const sent = aFullScimUser();
      const response = await users.post(sent);
      const created = await bodyOf<ScimUserResource>(response, 201);

      expect(response.headers.get('content-type')).toMatch(SCIM_JSON);
      expect(response.headers.get('location')).toBe(created.meta.location);
      expect(created.meta.location).toMatch(new RegExp(`/scim/v2/Users/${created.id}$`));
      expect(created.id).toEqual(expect.any(String));
      expect(created.id).not.toBe('');

      const { schemas: _schemas, [ENTERPRISE_URN]: enterprise, ...core } = sent;
      expect(created).toMatchObject(core);
      expect(created.schemas).toEqual(
        expect.arrayContaining([USER_URN, ENTERPRISE_URN, ROLLCALL_URN]),
      );
      expect(created.schemas).toHaveLength(3);
      expect(created[ROLLCALL_URN]).toEqual({ roleName: 'team_lead' });
      // Entra cannot parse a bare manager string back: always complex with $ref (RFC 7643 §4.3).
      expect(created[ENTERPRISE_URN]).toEqual({
        ...(enterprise as Record<string, unknown>),
        manager: {
          value: 'a-manager-id',
          $ref: expect.stringMatching(/\/scim\/v2\/Users\/a-manager-id$/),
        },
      });
      // Only what was sent, plus id/meta/schemas: nothing invented.
      expect(Object.keys(created).sort()).toEqual([...Object.keys(sent), 'id', 'meta'].sort());
    });

    it('writes meta with resourceType User, created, lastModified, location and a version', async () => {
      const created = await users.create(aScimUser());
      expect(created.meta).toEqual({
        resourceType: 'User',
        created: expect.stringMatching(ISO_DATE_TIME),
        lastModified: expect.stringMatching(ISO_DATE_TIME),
        location: expect.stringMatching(new RegExp(`/scim/v2/Users/${created.id}$`)),
        version: expect.stringMatching(/^W\/".+"$/),
      });
      expect(Date.parse(created.meta.lastModified)).toBeGreaterThanOrEqual(
        Date.parse(created.meta.created),
      );
    });

    it('GET /Users/{id} returns exactly what POST returned', async () => {
      const created = await users.create(aFullScimUser());
      const response = await users.fetch(created.id);
      const fetched = await bodyOf<ScimUserResource>(response, 200);
      expect(response.headers.get('content-type')).toMatch(SCIM_JSON);
      expect(fetched).toEqual(created);
    });

    it('ignores unknown attributes and does not return them', async () => {
      const sent = aScimUser({
        favouriteColour: 'blue',
        'urn:acme:params:scim:schemas:extension:acme:2.0:User': { badge: 7 },
        name: { givenName: 'Ada', familyName: 'Lovelace', shoeSize: 38 },
        [ENTERPRISE_URN]: { department: 'Maths', parkingSpot: 'B7' },
      });
      const created = await users.create(sent);
      const fetched = await users.get(created.id);
      for (const user of [created, fetched]) {
        expect(user).not.toHaveProperty('favouriteColour');
        expect(user).not.toHaveProperty(['urn:acme:params:scim:schemas:extension:acme:2.0:User']);
        expect(user['name']).toEqual({ givenName: 'Ada', familyName: 'Lovelace' });
        expect(user[ENTERPRISE_URN]).toEqual({ department: 'Maths' });
      }
    });

    it('accepts a request sent as application/json', async () => {
      const response = await users.post(JSON.stringify(aScimUser()), {
        'Content-Type': 'application/json',
      });
      const created = await bodyOf<ScimUserResource>(response, 201);
      expect(response.headers.get('content-type')).toMatch(SCIM_JSON);
      expect(created.active).toBe(true);
    });

    it('ignores a client-sent id and meta (server-assigned)', async () => {
      const created = await users.create(
        aScimUser({ id: 'client-chosen-id', meta: { resourceType: 'Group', version: 'W/"99"' } }),
      );
      expect(created.id).not.toBe('client-chosen-id');
      expect(created.meta.resourceType).toBe('User');
      expect(created.meta.version).not.toBe('W/"99"');
    });

    it('answers 409 uniqueness for a userName that exists in a different case', async () => {
      const userName = `${unique('Dup')}@Contoso.example`;
      await users.create(aScimUser({ userName }));
      const body = await expectScimError(
        await users.post(aScimUser({ userName: userName.toUpperCase() })),
        409,
        'uniqueness',
      );
      expect(body.detail).toContain(userName.toUpperCase());
    });

    it('answers 400 invalidValue when userName is missing or blank', async () => {
      await expectScimError(
        await users.post(aScimUser({ userName: undefined })),
        400,
        'invalidValue',
      );
      await expectScimError(
        await users.post({ schemas: [USER_URN], active: true }),
        400,
        'invalidValue',
      );
      await expectScimError(await users.post(aScimUser({ userName: '   ' })), 400, 'invalidValue');
    });

    it('answers 400 invalidSyntax for a body that is not JSON', async () => {
      await expectScimError(
        await users.post('{"userName": "broken@contoso.example",'),
        400,
        'invalidSyntax',
      );
    });

    it.each([
      ['userName: 5', { userName: 5 }],
      ['active: "yes"', { active: 'yes' }],
      ['emails: "x"', { emails: 'x' }],
      ['name: "Ada"', { name: 'Ada' }],
      [
        'emails[0].primary: "maybe"',
        { emails: [{ value: 'a@contoso.example', primary: 'maybe' }] },
      ],
    ])('answers 400 invalidValue for a wrong type (%s)', async (_label, overrides) => {
      await expectScimError(await users.post(aScimUser(overrides)), 400, 'invalidValue');
    });

    it('accepts active as Entra\'s "False" string and stores a boolean', async () => {
      const created = await users.create(aScimUser({ active: 'False' }));
      expect(created.active).toBe(false);
      expect((await users.get(created.id)).active).toBe(false);
    });
  });

  describe('GET /Users/{id}', () => {
    it('answers 404 with a SCIM error for an unknown id', async () => {
      await expectScimError(await users.fetch('00000000-0000-4000-8000-000000000000'), 404);
    });

    it('answers 401 without a token', async () => {
      const created = await users.create(aScimUser());
      const response = await api.scim(undefined, 'GET', `/Users/${created.id}`);
      await expectScimError(response, 401);
    });
  });

  describe('roles (roleName, roles)', () => {
    it.each(['admin', 'Billing Admin', 'team-lead', 'RESPONDER', 'member'])(
      'accepts roleName %p and returns it as sent',
      async (roleName) => {
        const created = await users.create(
          aScimUser({ schemas: [USER_URN, ROLLCALL_URN], [ROLLCALL_URN]: { roleName } }),
        );
        expect(created[ROLLCALL_URN]).toEqual({ roleName });
        expect((await users.get(created.id))[ROLLCALL_URN]).toEqual({ roleName });
      },
    );

    it('answers 400 invalidValue naming the valid roles for an unknown roleName', async () => {
      const body = await expectScimError(
        await users.post(aScimUser({ [ROLLCALL_URN]: { roleName: 'superuser' } })),
        400,
        'invalidValue',
      );
      expect(body.detail).toContain('superuser');
      for (const role of VALID_ROLES) expect(body.detail).toContain(role);
    });

    it('accepts roleName unqualified at the top level (Entra custom attributes may arrive so)', async () => {
      const created = await users.create(aScimUser({ roleName: 'Billing Admin' }));
      expect(created[ROLLCALL_URN]).toEqual({ roleName: 'Billing Admin' });
      expect(created).not.toHaveProperty('roleName');
      expect((await users.get(created.id))[ROLLCALL_URN]).toEqual({ roleName: 'Billing Admin' });
    });

    it('validates an unqualified roleName too', async () => {
      await expectScimError(
        await users.post(aScimUser({ roleName: 'overlord' })),
        400,
        'invalidValue',
      );
    });

    it('treats an absent roleName as the org default (accepted, nothing returned)', async () => {
      const created = await users.create(aScimUser());
      expect(created).not.toHaveProperty([ROLLCALL_URN]);
    });

    it('accepts the multi-valued roles attribute with a primary value, and the primary wins', async () => {
      const roles = [
        { value: 'not-a-role', primary: false },
        { value: 'admin', primary: true, type: 'WindowsAzureActiveDirectoryRole' },
      ];
      const created = await users.create(aScimUser({ roles }));
      expect(created['roles']).toEqual(roles);
      expect((await users.get(created.id))['roles']).toEqual(roles);
    });

    it('rejects roles whose primary value is not a role', async () => {
      const body = await expectScimError(
        await users.post(
          aScimUser({ roles: [{ value: 'admin' }, { value: 'emperor', primary: true }] }),
        ),
        400,
        'invalidValue',
      );
      for (const role of VALID_ROLES) expect(body.detail).toContain(role);
    });
  });
});
