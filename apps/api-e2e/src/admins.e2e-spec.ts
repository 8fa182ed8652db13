import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { CreateOrganization, GetAdminInvitation } from '@rollcall/organizations';
import type { EventListView } from '@rollcall/contracts';
import { AdminClient, type AdminErrorBody } from './support/admin-client';
import { TestApi, type TestOrganization } from './support/test-api';

// Admins as a team, black-box over HTTP on SQLite or (TEST_DB=postgres) PostgreSQL: roles
// enforced by the session guard, the invitation lifecycle, the last-owner rule, and
// invitations e-mailed over SMTP to a server this spec runs.

interface ReceivedMail {
  to: string[];
  raw: string;
}

interface SessionBody {
  admin: { id: string; email: string; role: string };
  csrfToken: string;
}

interface TeamBody {
  admins: { id: string; email: string; role: string; isYou: boolean }[];
  invitations: { id: string; email: string; role: string; expired: boolean }[];
}

interface InvitationBody {
  id: string;
  email: string;
  role: string;
  link: string;
  expiresAt: string;
  emailed: boolean;
  mailError?: string;
}

const mails: ReceivedMail[] = [];
let smtp: SMTPServer;
let smtpPort: number;
let api: TestApi;
let owner: AdminClient;
let org: TestOrganization;
let ip = 0;

function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function linkIn(mail: ReceivedMail): string {
  const match = /https?:\/\/[^\s"<>]+\/invitations\/[A-Za-z0-9_-]{43}/.exec(
    decodeQuotedPrintable(mail.raw),
  );
  if (!match) throw new Error(`no invitation link in the mail:\n${mail.raw}`);
  return match[0];
}

function tokenOf(link: string): string {
  return link.slice(link.lastIndexOf('/') + 1);
}

async function accept(token: string, password: string): Promise<Response> {
  ip += 1;
  return fetch(`${api.baseUrl}/api/invitations/${token}/accept`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `198.51.100.${ip}` },
    body: JSON.stringify({ password }),
  });
}

/**
 * Checks that the accept answered a live session (cookie + CSRF token), then signs the new
 * admin in with the chosen password for the rest of the test.
 */
async function clientOf(response: Response, email: string, password: string) {
  const body = (await response.json()) as SessionBody;
  const cookie = response.headers
    .getSetCookie()
    .find((c) => /^(__Host-)?rollcall_session=/.test(c))
    ?.split(';')[0];
  if (!cookie) throw new Error('expected a session cookie');
  expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const session = await fetch(`${api.baseUrl}/api/auth/session`, { headers: { Cookie: cookie } });
  expect(session.status).toBe(200);
  return AdminClient.signIn(api, { ...org, adminEmail: email, adminPassword: password });
}

async function invite(
  client: AdminClient,
  email: string,
  role: string,
  status = 201,
): Promise<InvitationBody> {
  return client.json<InvitationBody>(
    client.request('POST', '/api/admins/invitations', { email, role }),
    status,
  );
}

/** Invites and accepts: a signed-in admin with this role. */
async function newAdmin(role: string): Promise<{ client: AdminClient; id: string }> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const invitation = await invite(owner, email, role);
  const response = await accept(tokenOf(invitation.link), 'correct horse battery');
  expect(response.status).toBe(200);
  const client = await clientOf(response, email, 'correct horse battery');
  const session = await client.json<SessionBody>(client.get('/api/auth/session'), 200);
  return { client, id: session.admin.id };
}

async function errorOf(response: Promise<Response>, status: number): Promise<AdminErrorBody> {
  const settled = await response;
  const body = (await settled.json()) as AdminErrorBody;
  expect({ status: settled.status, code: body.code }).toEqual({ status, code: expect.any(String) });
  return body;
}

/** The organization's events after `cursor` (all of them from '0'), and the cursor to read on. */
async function eventsAfter(cursor: string): Promise<EventListView> {
  const all: EventListView['data'] = [];
  for (;;) {
    const page = await owner.json<EventListView>(
      owner.get(`/api/events?after=${cursor}&limit=500`),
      200,
    );
    all.push(...page.data);
    cursor = page.nextCursor;
    if (page.data.length < 500) return { data: all, nextCursor: cursor };
  }
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  api = await TestApi.start({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  org = await api.createOrganization('Acme Team');
  owner = await AdminClient.signIn(api, org);
});

afterAll(async () => {
  await api?.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('roles', () => {
  it('makes the first admin an owner and shows the role in the session', async () => {
    const session = await owner.json<SessionBody>(owner.get('/api/auth/session'), 200);
    expect(session.admin.role).toBe('owner');
    const team = await owner.json<TeamBody>(owner.get('/api/admins'), 200);
    expect(team.admins).toEqual([
      expect.objectContaining({ email: org.adminEmail, role: 'owner', isYou: true }),
    ]);
  });

  it('lets a viewer read but refuses every write with 403 ROLE_FORBIDDEN', async () => {
    const { client: viewer } = await newAdmin('viewer');
    expect((await viewer.get('/api/users')).status).toBe(200);
    expect((await viewer.get('/api/admins')).status).toBe(200);
    for (const [method, path, body] of [
      ['POST', '/api/teams', { name: 'Nope' }],
      ['POST', '/api/api-keys', { name: 'nope', scope: 'read' }],
      ['PATCH', '/api/organization', { name: 'Renamed' }],
      ['POST', '/api/admins/invitations', { email: 'x@example.com', role: 'viewer' }],
      ['PUT', '/api/sso/saml', { metadataXml: '<x/>' }],
      ['PATCH', '/api/sso/policy', { requireSso: false }],
    ] as const) {
      const error = await errorOf(viewer.request(method, path, body), 403);
      expect(error.code).toBe('ROLE_FORBIDDEN');
    }
    // Their own sign-in accounts are theirs to link and unlink (no provider here: 404, not 403).
    expect((await errorOf(viewer.request('POST', '/api/sso/saml/link'), 404)).code).toBe(
      'SAML_PROVIDER_NOT_FOUND',
    );
    expect((await errorOf(viewer.request('DELETE', '/api/sso/links/saml'), 404)).code).toBe(
      'SSO_LINK_NOT_FOUND',
    );
    // Their own session stays theirs: a viewer signs out.
    expect((await viewer.request('POST', '/api/auth/logout')).status).toBe(204);
  });

  it('lets an admin write but not manage admins', async () => {
    const { client: admin, id } = await newAdmin('admin');
    const created = await admin.request('POST', '/api/api-keys', {
      name: 'by-admin',
      scope: 'read',
    });
    expect(created.status).toBe(201);
    for (const [method, path, body] of [
      ['POST', '/api/admins/invitations', { email: 'y@example.com', role: 'viewer' }],
      ['PATCH', `/api/admins/${id}`, { role: 'owner' }],
      ['DELETE', `/api/admins/${id}`, undefined],
      ['POST', `/api/admins/${id}/transfer-ownership`, undefined],
    ] as const) {
      expect((await errorOf(admin.request(method, path, body), 403)).code).toBe('ROLE_FORBIDDEN');
    }
  });

  it('applies a role change at the next request, and removal ends the sessions', async () => {
    const { client, id } = await newAdmin('admin');
    await owner.json(owner.request('PATCH', `/api/admins/${id}`, { role: 'viewer' }), 200);
    const refused = await errorOf(client.request('POST', '/api/teams', { name: 'Late' }), 403);
    expect(refused.code).toBe('ROLE_FORBIDDEN');
    expect((await owner.request('DELETE', `/api/admins/${id}`)).status).toBe(204);
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });
});

describe('invitations', () => {
  it('e-mails the link; following it shows the invitation and accepting signs the admin in', async () => {
    const email = 'grace@example.com';
    const invitation = await invite(owner, email, 'admin');
    expect(invitation).toEqual({
      id: expect.any(String),
      email,
      role: 'admin',
      link: expect.stringMatching(/\/invitations\/[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
      emailed: true,
    });
    const days = (Date.parse(invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const mail = mails.find((m) => m.to.includes(email));
    if (!mail) throw new Error('no mail received');
    expect(decodeQuotedPrintable(mail.raw)).toContain('Acme Team');
    expect(decodeQuotedPrintable(mail.raw)).toContain(org.adminEmail);
    expect(mail.raw).toMatch(/^From: Rollcall <no-reply@/m);
    const link = linkIn(mail);
    expect(link).toBe(invitation.link);

    const preview = await fetch(`${api.baseUrl}/api/invitations/${tokenOf(link)}`);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toEqual({
      organizationName: 'Acme Team',
      email,
      role: 'admin',
      expiresAt: invitation.expiresAt,
    });
    const pending = await owner.json<TeamBody>(owner.get('/api/admins'), 200);
    expect(pending.invitations).toContainEqual(
      expect.objectContaining({ id: invitation.id, email, role: 'admin', expired: false }),
    );

    expect((await errorOf(accept(tokenOf(link), 'short'), 400)).code).toBe(
      'ADMIN_PASSWORD_TOO_SHORT',
    );
    const accepted = await accept(tokenOf(link), 'a long enough password');
    expect(accepted.status).toBe(200);
    const client = await clientOf(accepted, email, 'a long enough password');
    const session = await client.json<SessionBody>(client.get('/api/auth/session'), 200);
    expect(session.admin).toEqual({ id: expect.any(String), email, role: 'admin' });

    // Single use: the link is dead, and the invitation is no longer pending.
    expect((await errorOf(accept(tokenOf(link), 'another password'), 404)).code).toBe(
      'INVITATION_NOT_FOUND',
    );
    expect((await fetch(`${api.baseUrl}/api/invitations/${tokenOf(link)}`)).status).toBe(404);
    const team = await owner.json<TeamBody>(owner.get('/api/admins'), 200);
    expect(team.invitations.map((i) => i.email)).not.toContain(email);
    expect(team.admins).toContainEqual(expect.objectContaining({ email, role: 'admin' }));
  });

  it('replaces a pending invitation when the address is invited again', async () => {
    const first = await invite(owner, 'twice@example.com', 'viewer');
    const second = await invite(owner, 'TWICE@example.com', 'admin');
    expect((await fetch(`${api.baseUrl}/api/invitations/${tokenOf(first.link)}`)).status).toBe(404);
    expect((await fetch(`${api.baseUrl}/api/invitations/${tokenOf(second.link)}`)).status).toBe(
      200,
    );
    const team = await owner.json<TeamBody>(owner.get('/api/admins'), 200);
    expect(team.invitations.filter((i) => i.email.toLowerCase() === 'twice@example.com')).toEqual([
      expect.objectContaining({ id: second.id, role: 'admin' }),
    ]);
  });

  it('answers 409 for an address that is already an admin, here or elsewhere', async () => {
    expect(
      (
        await errorOf(
          owner.request('POST', '/api/admins/invitations', {
            email: org.adminEmail.toUpperCase(),
            role: 'viewer',
          }),
          409,
        )
      ).code,
    ).toBe('ALREADY_ADMIN');
    const other = await api.createOrganization('Other Org');
    expect(
      (
        await errorOf(
          owner.request('POST', '/api/admins/invitations', {
            email: other.adminEmail,
            role: 'viewer',
          }),
          409,
        )
      ).code,
    ).toBe('ADMIN_EMAIL_TAKEN');
  });

  it('withdraws an invitation, and refuses unknown or malformed tokens alike', async () => {
    const invitation = await invite(owner, 'withdrawn@example.com', 'viewer');
    expect((await owner.request('DELETE', `/api/admins/invitations/${invitation.id}`)).status).toBe(
      204,
    );
    expect((await fetch(`${api.baseUrl}/api/invitations/${tokenOf(invitation.link)}`)).status).toBe(
      404,
    );
    expect((await owner.request('DELETE', `/api/admins/invitations/${invitation.id}`)).status).toBe(
      404,
    );
    expect((await fetch(`${api.baseUrl}/api/invitations/not-a-token`)).status).toBe(404);
  });

  it('expires an invitation after 7 days', async () => {
    const invitation = await invite(owner, 'late@example.com', 'viewer');
    const token = tokenOf(invitation.link);
    const read = api.app.get(GetAdminInvitation);
    const sixDays = new Date(Date.now() + 6 * 86_400_000);
    await expect(read.execute(token, sixDays)).resolves.toBeDefined();
    const eightDays = new Date(Date.now() + 8 * 86_400_000);
    await expect(read.execute(token, eightDays)).rejects.toMatchObject({
      code: 'INVITATION_NOT_FOUND',
    });
  });

  it('keeps the invitation and reports the failure when the mail server is down', async () => {
    const offline = await TestApi.start({ SMTP_URL: 'smtp://127.0.0.1:9' }, undefined);
    try {
      const otherOrg = await offline.createOrganization('Offline Org');
      const client = await AdminClient.signIn(offline, otherOrg);
      const body = await client.json<InvitationBody>(
        client.request('POST', '/api/admins/invitations', {
          email: 'unsent@example.com',
          role: 'viewer',
        }),
        201,
      );
      expect(body.emailed).toBe(false);
      expect(body.mailError).toEqual(expect.any(String));
      expect((await fetch(`${offline.baseUrl}/api/invitations/${tokenOf(body.link)}`)).status).toBe(
        200,
      );
    } finally {
      await offline.stop();
    }
  });
});

describe('ownership', () => {
  it('never leaves the organization without an owner', async () => {
    const session = await owner.json<SessionBody>(owner.get('/api/auth/session'), 200);
    const me = session.admin.id;
    expect(
      (await errorOf(owner.request('PATCH', `/api/admins/${me}`, { role: 'admin' }), 409)).code,
    ).toBe('LAST_OWNER');
    expect((await errorOf(owner.request('DELETE', `/api/admins/${me}`), 409)).code).toBe(
      'LAST_OWNER',
    );
    expect(
      (await errorOf(owner.request('POST', `/api/admins/${me}/transfer-ownership`), 400)).code,
    ).toBe('TRANSFER_TO_SELF');
  });

  it('appends no event for a refused change, and exactly one for the change that goes through', async () => {
    const session = await owner.json<SessionBody>(owner.get('/api/auth/session'), 200);
    const me = session.admin.id;
    const { id: viewerId } = await newAdmin('viewer');
    const { nextCursor: before } = await eventsAfter('0');
    const refusals: [Promise<Response>, number, string][] = [
      [owner.request('PATCH', `/api/admins/${me}`, { role: 'viewer' }), 409, 'LAST_OWNER'],
      [owner.request('DELETE', `/api/admins/${me}`), 409, 'LAST_OWNER'],
      [owner.request('POST', `/api/admins/${me}/transfer-ownership`), 400, 'TRANSFER_TO_SELF'],
      [
        owner.request('PATCH', '/api/admins/no-such-admin', { role: 'viewer' }),
        404,
        'ADMIN_NOT_FOUND',
      ],
      [owner.request('DELETE', '/api/admins/no-such-admin'), 404, 'ADMIN_NOT_FOUND'],
      [owner.request('DELETE', '/api/admins/invitations/no-such-one'), 404, 'INVITATION_NOT_FOUND'],
      [
        owner.request('POST', '/api/admins/invitations', { email: org.adminEmail, role: 'viewer' }),
        409,
        'ALREADY_ADMIN',
      ],
    ];
    for (const [response, status, code] of refusals) {
      expect((await errorOf(response, status)).code).toBe(code);
    }
    expect((await eventsAfter(before)).data).toEqual([]);

    await owner.json(owner.request('PATCH', `/api/admins/${viewerId}`, { role: 'admin' }), 200);
    const after = await eventsAfter(before);
    expect(after.data.map((event) => [event.type, event.actor, event.data])).toEqual([
      [
        'admin.role_changed',
        `admin:${org.adminEmail}`,
        {
          admin: { id: viewerId, email: expect.stringMatching(/^viewer-/) },
          role: 'admin',
          previousRole: 'viewer',
        },
      ],
    ]);
    // Setting the role it already has changes nothing, so it tells nothing either.
    await owner.json(owner.request('PATCH', `/api/admins/${viewerId}`, { role: 'admin' }), 200);
    expect((await eventsAfter(after.nextCursor)).data).toEqual([]);
  });

  it('transfers ownership: they become the owner, you become an admin', async () => {
    const { client: heir, id } = await newAdmin('viewer');
    expect((await owner.request('POST', `/api/admins/${id}/transfer-ownership`)).status).toBe(204);
    const team = await heir.json<TeamBody>(heir.get('/api/admins'), 200);
    expect(team.admins.find((a) => a.id === id)?.role).toBe('owner');
    expect(team.admins.find((a) => a.email === org.adminEmail)?.role).toBe('admin');
    expect(
      (
        await errorOf(
          owner.request('POST', '/api/admins/invitations', {
            email: 'z@example.com',
            role: 'viewer',
          }),
          403,
        )
      ).code,
    ).toBe('ROLE_FORBIDDEN');
    // And back, so the suite's owner stays the owner.
    const me = team.admins.find((a) => a.email === org.adminEmail)?.id ?? '';
    expect((await heir.request('POST', `/api/admins/${me}/transfer-ownership`)).status).toBe(204);
  });
});

describe('org:create --invite', () => {
  it('creates an organization whose first owner is invited, with no password made up', async () => {
    const created = await api.app.get(CreateOrganization).executeWithInvitation({
      name: 'Invited Org',
      adminEmail: 'first-owner@example.com',
      publicUrl: api.baseUrl,
    });
    expect(created.invitationLink).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(created.invitationLink);
    const preview = await fetch(`${api.baseUrl}/api/invitations/${token}`);
    expect(await preview.json()).toMatchObject({ organizationName: 'Invited Org', role: 'owner' });
    const accepted = await accept(token, 'first owner password');
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as SessionBody).admin.role).toBe('owner');
  });
});
