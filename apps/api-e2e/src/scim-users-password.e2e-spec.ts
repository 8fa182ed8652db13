import type { ProvisioningLogPageView } from '@rollcall/contracts';
import { AdminClient } from './support/admin-client';
import { PATCH_OP_URN, USER_URN, aScimUser } from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';

// Rollcall does not take member passwords (issue: secrets that arrive by SCIM). Entra may
// send one on create, so it is accepted without an error, and then it is nowhere: not in
// the stored document, not in any answer, not in the provisioning log.

let counter = 0;
/** A value that is obviously a test marker, unique per case so a leak names its source. */
function marker(): string {
  counter += 1;
  return `pw-marker-${counter}-${Date.now().toString(36)}`;
}

describe('SCIM /Users: password is writeOnly and never kept', () => {
  let api: TestApi;
  let org: TestOrganization;
  let admin: AdminClient;
  const sent: string[] = [];

  const scim = (method: string, path: string, body?: unknown) =>
    api.scim(org.scimToken, method, path, body);

  /** Every place the user could show up again: SCIM GET (plain and asking), admin API detail. */
  async function expectNowhere(id: string, secret: string): Promise<void> {
    for (const path of [`/Users/${id}`, `/Users/${id}?attributes=password`]) {
      const response = await scim('GET', path);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).not.toContain(secret);
      expect(text.toLowerCase()).not.toContain('"password"');
    }
    const detail = await admin.get(`/api/users/${id}`);
    expect(detail.status).toBe(200);
    const text = await detail.text();
    expect(text).not.toContain(secret);
    expect(text.toLowerCase()).not.toContain('"password"');
  }

  async function createUser(extra: Record<string, unknown> = {}): Promise<string> {
    const response = await scim('POST', '/Users', aScimUser(extra));
    const text = await response.text();
    expect({ status: response.status, text }).toMatchObject({ status: 201 });
    return (JSON.parse(text) as { id: string }).id;
  }

  beforeAll(async () => {
    api = await TestApi.start();
    org = await api.createOrganization('Password Org');
    admin = await AdminClient.signIn(api, org);
  });

  afterAll(async () => {
    await api.stop();
  });

  it.each<[string, (secret: string) => Record<string, unknown>]>([
    ['password', (secret) => ({ password: secret })],
    ['PassWord', (secret) => ({ PassWord: secret })],
    ['the URN-qualified key', (secret) => ({ [`${USER_URN}:password`]: secret })],
  ])('POST with %s → 201, and the password is not kept', async (_shape, body) => {
    const secret = marker();
    sent.push(secret);
    const response = await scim('POST', '/Users', aScimUser(body(secret)));
    const text = await response.text();
    expect(response.status).toBe(201);
    expect(text).not.toContain(secret);
    await expectNowhere((JSON.parse(text) as { id: string }).id, secret);
  });

  it('PUT with a password → 200, and the password is not kept', async () => {
    const id = await createUser();
    const secret = marker();
    sent.push(secret);
    const user = aScimUser({ password: secret, [`${USER_URN}:Password`]: secret });
    const response = await scim('PUT', `/Users/${id}`, user);
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain(secret);
    await expectNowhere(id, secret);
  });

  it.each<[string, (secret: string) => Record<string, unknown>]>([
    ['path "password"', (secret) => ({ op: 'Replace', path: 'password', value: secret })],
    ['path "PASSWORD", op add', (secret) => ({ op: 'add', path: 'PASSWORD', value: secret })],
    [
      'the URN-qualified path',
      (secret) => ({ op: 'replace', path: `${USER_URN}:password`, value: secret }),
    ],
    ['a no-path value object', (secret) => ({ op: 'Replace', value: { password: secret } })],
    [
      'a no-path URN-qualified key',
      (secret) => ({ op: 'Add', value: { [`${USER_URN}:password`]: secret } }),
    ],
  ])('PATCH with %s → accepted, and the password is not kept', async (_shape, operation) => {
    const id = await createUser();
    const secret = marker();
    sent.push(secret);
    const response = await scim('PATCH', `/Users/${id}`, {
      schemas: [PATCH_OP_URN],
      Operations: [operation(secret), { op: 'Replace', path: 'title', value: 'Engineer' }],
    });
    expect([200, 204]).toContain(response.status);
    expect(await response.text()).not.toContain(secret);
    await expectNowhere(id, secret);
    const after = (await (await scim('GET', `/Users/${id}`)).json()) as { title?: string };
    // The rest of the PATCH applied: only the password was dropped.
    expect(after.title).toBe('Engineer');
  });

  it('the provisioning log holds none of the passwords sent, in any shape', async () => {
    expect(sent.length).toBeGreaterThanOrEqual(9);
    // The log is written off the request path: wait (bounded) for every request above.
    let bodies: string[] = [];
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const page = await admin.json<ProvisioningLogPageView>(
        admin.get('/api/provisioning-log?limit=100'),
        200,
      );
      bodies = page.entries.map((entry) => entry.requestBody ?? '');
      if (page.entries.filter((entry) => entry.method !== 'GET').length >= 15) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const all = bodies.join('\n');
    for (const secret of sent) expect(all).not.toContain(secret);
    expect(all).toContain('[REDACTED]');
  });
});
