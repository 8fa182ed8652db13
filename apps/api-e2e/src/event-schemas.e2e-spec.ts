import { randomUUID } from 'node:crypto';
import {
  EVENT_TYPE_NAMES,
  type ActivityListView,
  type CreatedApiKeyView,
  type CreatedScimOAuthClientView,
  type CreatedScimOAuthSecretView,
  type CreatedScimTokenView,
  type CreatedWebhookView,
  type EventListView,
  type EventView,
  type ScimFederatedCredentialView,
  type TeamSummaryView,
  type TeamResourceView,
} from '@rollcall/contracts';
import { AdminClient } from './support/admin-client';
import { Authenticator } from './support/authenticator';
import { GLOBAL_ADMINISTRATOR, EntraEmulator } from './support/oidc-emulator/entra-emulator';
import { entraEnv, runMicrosoftFlow } from './support/oidc-emulator/microsoft-flow';
import { GenericIdp } from './support/oidc-provider/generic-idp';
import {
  resolveRef,
  schemaMismatches,
  type OpenApiDocument,
  type OpenApiSchema,
} from './support/openapi-document';
import { SamlIdp } from '@rollcall/sso/testing';
import { ScimGroups } from './support/scim-groups.client';
import { aRemoveMembersPatch, aScimGroup, anAddMembersPatch } from './support/scim-group.builder';
import { aPatch, aScimUser, unique } from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';
import { testDialect } from './support/test-database';
import { WebhookReceiver, eventually } from './support/webhook-receiver';

// The events' documentation must not drift from the code: every event type has a schema,
// and real events of every type, made through the API as Entra and an admin make them, are
// checked against it closed (a field the code adds without documenting it fails here too).

jest.setTimeout(120_000);

const ROLLCALL_URN = 'urn:ietf:params:scim:schemas:extension:rollcall:2.0:User';
const EVENT = { $ref: '#/components/schemas/Event' };
const ACTIVITY_ENTRY = { $ref: '#/components/schemas/ActivityEntry' };
const WEBHOOK_DELIVERY = { $ref: '#/components/schemas/WebhookDelivery' };
const CLIENT_ID = 'rollcall-event-schemas';

describe(`the documented event schemas on ${testDialect()}`, () => {
  let receiver: WebhookReceiver;
  let emulator: EntraEmulator;
  let idp: GenericIdp;
  let samlIdp: SamlIdp;
  let api: TestApi;
  let org: TestOrganization;
  let admin: AdminClient;
  let document: OpenApiDocument;
  let events: EventView[];
  /** What must never show up in an event: tokens, passwords, TOTP secrets, recovery codes. */
  const secrets: string[] = [];
  let vera: { id: string; email: string };

  const schema = (name: string): OpenApiSchema => {
    const found = document.components.schemas?.[name];
    if (!found) throw new Error(`${name} is not in the document`);
    return found;
  };
  const mismatches = (value: unknown, against: OpenApiSchema = EVENT) =>
    schemaMismatches(document, against, value, '', { closed: true });

  async function allEvents(): Promise<EventView[]> {
    const all: EventView[] = [];
    let cursor = '0';
    for (;;) {
      const page = await admin.json<EventListView>(
        admin.get(`/api/events?after=${cursor}&limit=500`),
        200,
      );
      all.push(...page.data);
      if (page.data.length < 500) return all;
      cursor = page.nextCursor;
    }
  }

  /** What an admin and Entra do, so that the organization has events of every type. */
  async function makeEventsOfEveryType(): Promise<void> {
    const scim = new ScimGroups(api, org.scimToken);
    // Users: created, updated, deactivated, reactivated, a roleName, deleted.
    const ada = await scim.users.create(aScimUser({ title: 'Engineer' }));
    await scim.users.patched(ada.id, aPatch({ op: 'Replace', path: 'title', value: 'Lead' }));
    await scim.users.patched(ada.id, aPatch({ op: 'Replace', path: 'active', value: false }));
    await scim.users.patched(ada.id, aPatch({ op: 'Replace', path: 'active', value: true }));
    await scim.users.patched(
      ada.id,
      aPatch({ op: 'Add', path: `${ROLLCALL_URN}:roleName`, value: 'team_lead' }),
    );
    const grace = await scim.users.create(aScimUser());
    // Groups: created, renamed, members in and out, a role mapping on it, deleted, restored.
    const teamName = unique('Responders');
    const group = await scim.create(aScimGroup({ displayName: teamName }));
    await scim.patched(group.id, anAddMembersPatch([ada.id, grace.id]));
    await admin.json(
      admin.request('PUT', '/api/group-role-mappings', { groupName: teamName, role: 'responder' }),
      200,
    );
    await scim.patched(group.id, aRemoveMembersPatch([grace.id]));
    const renamed = unique('On-call');
    await scim.patched(group.id, aPatch({ op: 'Replace', path: 'displayName', value: renamed }));
    expect(
      (await admin.request('DELETE', `/api/group-role-mappings/${encodeURIComponent(teamName)}`))
        .status,
    ).toBe(204);
    const resource = await admin.json<TeamResourceView>(
      admin.request('POST', `/api/teams/${group.id}/resources`, { kind: 'monitor', name: 'API' }),
      201,
    );
    await admin.json(
      admin.request('POST', `/api/teams/${group.id}/resources`, {
        kind: 'heartbeat',
        name: 'Cron',
      }),
      201,
    );
    expect(
      (await admin.request('DELETE', `/api/teams/${group.id}/resources/${resource.id}`)).status,
    ).toBe(204);
    expect((await scim.delete(group.id)).status).toBe(204);
    await admin.json(admin.request('POST', `/api/teams/${group.id}/restore`), 200);
    expect((await scim.users.delete(grace.id)).status).toBe(204);
    // Settings: renamed; retention 0 purges a dashboard team at once; provisioning off and on.
    await admin.json(admin.request('PATCH', '/api/organization', { name: unique('Org') }), 200);
    await admin.json(
      admin.request('PATCH', '/api/organization/settings', { deletedTeamRetentionDays: 0 }),
      200,
    );
    const manual = await admin.json<TeamSummaryView>(
      admin.request('POST', '/api/teams', { name: unique('Dashboard team') }),
      201,
    );
    await admin.json(admin.request('DELETE', `/api/teams/${manual.id}`), 200);
    for (const scimEnabled of [false, true]) {
      await admin.json(admin.request('PATCH', '/api/organization/settings', { scimEnabled }), 200);
    }
    // Credentials: a SCIM token, an OAuth client and its secret, a federated credential.
    const token = await admin.json<CreatedScimTokenView>(
      admin.request('POST', '/api/scim/tokens', { label: 'rotation' }),
      201,
    );
    expect((await admin.request('DELETE', `/api/scim/tokens/${token.id}`)).status).toBe(204);
    const client = await admin.json<CreatedScimOAuthClientView>(
      admin.request('POST', '/api/scim/oauth/clients', { name: 'Entra' }),
      201,
    );
    await admin.json(
      admin.request('PATCH', `/api/scim/oauth/clients/${client.id}`, { name: 'Entra ID' }),
      200,
    );
    const secret = await admin.json<CreatedScimOAuthSecretView>(
      admin.request('POST', `/api/scim/oauth/clients/${client.id}/secrets`, {}),
      201,
    );
    const secretPath = `/api/scim/oauth/clients/${client.id}/secrets/${secret.secret.id}`;
    expect((await admin.request('DELETE', secretPath)).status).toBe(204);
    expect((await admin.request('DELETE', `/api/scim/oauth/clients/${client.id}`)).status).toBe(
      204,
    );
    const federated = await admin.json<ScimFederatedCredentialView>(
      admin.request('POST', '/api/scim/oauth/federated-credentials', {
        name: 'Workload',
        issuer: idp.issuer,
        subject: randomUUID(),
      }),
      201,
    );
    const federatedPath = `/api/scim/oauth/federated-credentials/${federated.id}`;
    expect((await admin.request('DELETE', federatedPath)).status).toBe(204);
    // API keys.
    const key = await admin.json<CreatedApiKeyView>(
      admin.request('POST', '/api/api-keys', { name: 'billing', scope: 'read_write' }),
      201,
    );
    expect((await admin.request('DELETE', `/api/api-keys/${key.id}`)).status).toBe(204);
    // Single sign-on: Microsoft and a custom OIDC provider, connected and disconnected; policy.
    emulator.account = {
      tenantId: randomUUID(),
      oid: randomUUID(),
      preferredUsername: `it-${randomUUID()}@contoso.example`,
      wids: [GLOBAL_ADMINISTRATOR],
    };
    const connected = await runMicrosoftFlow(api, '/api/sso/microsoft/connect', {
      cookie: admin.cookie,
    });
    expect(connected.location).toBe('/sso?connected=microsoft');
    expect((await admin.request('DELETE', '/api/sso/microsoft')).status).toBe(204);
    await admin.json(
      admin.request('PUT', '/api/sso/oidc', {
        displayName: 'Okta',
        issuer: idp.issuer,
        clientId: CLIENT_ID,
        clientSecret: randomUUID(),
      }),
      200,
    );
    await admin.json(
      admin.request('PATCH', '/api/sso/policy', {
        requireSso: true,
        jitProvisioning: null,
        jitDomains: ['contoso.example'],
      }),
      200,
    );
    await admin.json(admin.request('PATCH', '/api/sso/policy', { requireSso: false }), 200);
    expect((await admin.request('DELETE', '/api/sso/oidc')).status).toBe(204);
    await admin.json(
      admin.request('PUT', '/api/sso/saml', { metadataXml: samlIdp.metadataXml() }),
      200,
    );
    expect((await admin.request('DELETE', '/api/sso/saml')).status).toBe(204);
    // Webhooks: created, changed, secret rotated, deleted.
    const webhook = await admin.json<CreatedWebhookView>(
      admin.request('POST', '/api/webhooks', { url: receiver.url('/other') }),
      201,
    );
    await admin.json(
      admin.request('PATCH', `/api/webhooks/${webhook.id}`, {
        events: ['user.created'],
        description: 'CRM sync',
      }),
      200,
    );
    await admin.json(admin.request('POST', `/api/webhooks/${webhook.id}/rotate-secret`), 200);
    expect((await admin.request('DELETE', `/api/webhooks/${webhook.id}`)).status).toBe(204);
    await makeAdminEvents();
  }

  /**
   * The admin team and an admin's own security: an invitation withdrawn, one accepted, a role
   * change, ownership there and back, a password change, two-factor on, new recovery codes,
   * two-factor off, sign out everywhere and the removal.
   */
  async function makeAdminEvents(): Promise<void> {
    const withdrawn = await admin.json<{ id: string; link: string }>(
      admin.request('POST', '/api/admins/invitations', {
        email: `${unique('withdrawn')}@acme.example`.toLowerCase(),
        role: 'admin',
      }),
      201,
    );
    secrets.push(tokenOf(withdrawn.link));
    expect((await admin.request('DELETE', `/api/admins/invitations/${withdrawn.id}`)).status).toBe(
      204,
    );
    const email = `${unique('vera')}@acme.example`.toLowerCase();
    const invitation = await admin.json<{ link: string }>(
      admin.request('POST', '/api/admins/invitations', { email, role: 'viewer' }),
      201,
    );
    const password = `first-${randomUUID()}`;
    secrets.push(tokenOf(invitation.link), password);
    const accepted = await fetch(
      `${api.baseUrl}/api/invitations/${tokenOf(invitation.link)}/accept`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ password }),
      },
    );
    expect(accepted.status).toBe(200);
    const id = ((await accepted.json()) as { admin: { id: string } }).admin.id;
    vera = { id, email };
    await admin.json(admin.request('PATCH', `/api/admins/${id}`, { role: 'admin' }), 200);
    let client = await AdminClient.signIn(api, {
      ...org,
      adminEmail: email,
      adminPassword: password,
    });
    // Ownership to Vera and back, so the suite's admin stays the owner.
    expect((await admin.request('POST', `/api/admins/${id}/transfer-ownership`)).status).toBe(204);
    const team = await client.json<{ admins: { id: string; email: string }[] }>(
      client.get('/api/admins'),
      200,
    );
    const ownerId = team.admins.find((a) => a.email === org.adminEmail)?.id ?? '';
    expect((await client.request('POST', `/api/admins/${ownerId}/transfer-ownership`)).status).toBe(
      204,
    );
    const newPassword = `second-${randomUUID()}`;
    secrets.push(newPassword);
    expect(
      (
        await client.request('POST', '/api/account/password', {
          currentPassword: password,
          newPassword,
        })
      ).status,
    ).toBe(204);
    client = await AdminClient.signIn(api, {
      ...org,
      adminEmail: email,
      adminPassword: newPassword,
    });
    const setup = await client.json<{ secret: string }>(
      client.request('POST', '/api/account/two-factor/setup', {}),
      200,
    );
    const app = new Authenticator(setup.secret);
    const confirmed = await client.json<{ recoveryCodes: string[] }>(
      client.request('POST', '/api/account/two-factor/confirm', { code: await app.nextCode() }),
      200,
    );
    const regenerated = await client.json<{ recoveryCodes: string[] }>(
      client.request('POST', '/api/account/two-factor/recovery-codes', {
        code: await app.nextCode(),
      }),
      200,
    );
    secrets.push(setup.secret, ...confirmed.recoveryCodes, ...regenerated.recoveryCodes);
    expect(
      (
        await client.request('DELETE', '/api/account/two-factor', {
          password: newPassword,
          recoveryCode: regenerated.recoveryCodes[0],
        })
      ).status,
    ).toBe(204);
    expect((await client.request('POST', '/api/account/sign-out-everywhere')).status).toBe(204);
    expect((await admin.request('DELETE', `/api/admins/${id}`)).status).toBe(204);
  }

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    emulator = await EntraEmulator.start();
    samlIdp = await SamlIdp.start();
    idp = await GenericIdp.start({
      clientId: CLIENT_ID,
      clientSecret: randomUUID(),
      redirectUris: ['http://localhost:3000/api/auth/oidc/callback'],
    });
    api = await TestApi.start({
      ...entraEnv(emulator),
      SCIM_RATE_LIMIT_PER_SECOND: '0',
      WEBHOOK_POLL_INTERVAL_MS: '50',
    });
    org = await api.createOrganization('Event Schemas Org');
    admin = await AdminClient.signIn(api, org);
    const response = await fetch(`${api.baseUrl}/api/docs-json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApiDocument;
    // Every event from here on is also delivered, and its body checked below.
    await admin.json(admin.request('POST', '/api/webhooks', { url: receiver.url('/all') }), 201);
    await makeEventsOfEveryType();
    events = await allEvents();
  });

  afterAll(async () => {
    await api?.stop();
    await idp?.stop();
    await samlIdp?.stop();
    await emulator?.stop();
    await receiver?.stop();
  });

  it('documents every event type: one Event<Type> schema each, in the Event union', () => {
    const union = schema('Event');
    const mapping = union.discriminator?.mapping ?? {};
    expect(union.discriminator?.propertyName).toBe('type');
    expect(Object.keys(mapping).sort()).toEqual([...EVENT_TYPE_NAMES].sort());
    expect((union.oneOf ?? []).map((option) => option.$ref).sort()).toEqual(
      Object.values(mapping).sort(),
    );
    for (const type of EVENT_TYPE_NAMES) {
      const typed = resolveRef(document, mapping[type] ?? '') as OpenApiSchema | undefined;
      const own = typed?.allOf?.find((part) => part.properties?.['type']);
      expect([type, own?.properties?.['type']?.enum]).toEqual([type, [type]]);
      const data = own?.properties?.['data']?.$ref ?? '';
      expect([type, resolveRef(document, data)]).toEqual([type, expect.any(Object)]);
    }
  });

  it('lists events as the Event union, and POSTs webhooks as the WebhookDelivery union', () => {
    expect(schema('EventListDto').properties?.['data']?.items).toEqual(EVENT);
    // The Activity feed: each Event with the address it came from, an admin-only field.
    expect(schema('ActivityListDto').properties?.['data']?.items).toEqual(ACTIVITY_ENTRY);
    expect(schema('ActivityEntry').allOf?.[0]).toEqual(EVENT);
    expect(schema('WebhookDelivery').oneOf).toContainEqual(EVENT);
    const create = document.paths['/api/webhooks']?.['post'] as {
      callbacks?: Record<string, Record<string, Record<string, OpenApiOperationWithBody>>>;
      description?: string;
    };
    const callback = create.callbacks?.['event']?.['{$request.body#/url}']?.['post'];
    expect(callback?.requestBody?.content?.['application/json']?.schema).toEqual(WEBHOOK_DELIVERY);
    expect(create.description).toContain('`Event`');
  });

  it('made events of every type through the API', () => {
    expect([...new Set(events.map((event) => event.type))].sort()).toEqual(
      [...EVENT_TYPE_NAMES].sort(),
    );
    // Both shapes of the unions inside data were made, too.
    const variants = events.map((event) =>
      [
        event.type,
        (event.data['credential'] as { kind?: string } | undefined)?.kind ??
          (event.data['provider'] as string | undefined) ??
          (event.data['settings'] ? 'settings' : event.data['previousName'] ? 'name' : ''),
      ].join(' '),
    );
    expect(variants).toEqual(
      expect.arrayContaining([
        'organization.updated settings',
        'organization.updated name',
        'sso.connected microsoft',
        'sso.connected oidc',
        'sso.disconnected microsoft',
        'sso.disconnected oidc',
        'sso.connected saml',
        'sso.disconnected saml',
        'credential.created scim_token',
        'credential.created oauth_client',
        'credential.created oauth_client_secret',
        'credential.created federated_credential',
      ]),
    );
  });

  it('records admin events as by who did them, about whom, and without any secret', () => {
    const byType = (type: string) => events.filter((event) => event.type === type);
    const owner = `admin:${org.adminEmail}`;
    const actors = (type: string) => byType(type).map((event) => event.actor);
    expect(actors('admin.invited')).toEqual([owner, owner]);
    expect(actors('admin.invitation_revoked')).toEqual([owner]);
    expect(actors('admin.joined')).toEqual([`admin:${vera.email}`]);
    expect(byType('admin.joined')[0]?.data).toEqual({ admin: { ...vera, role: 'viewer' } });
    expect(byType('admin.role_changed').map((event) => event.data)).toEqual([
      { admin: vera, role: 'admin', previousRole: 'viewer' },
    ]);
    expect(actors('admin.ownership_transferred')).toEqual([owner, `admin:${vera.email}`]);
    expect(byType('admin.ownership_transferred')[0]?.data).toMatchObject({ to: vera });
    for (const type of [
      'admin.password_changed',
      'admin.two_factor_enabled',
      'admin.recovery_codes_regenerated',
      'admin.two_factor_disabled',
      'admin.signed_out_everywhere',
    ]) {
      expect([type, byType(type).map((event) => [event.actor, event.data])]).toEqual([
        type,
        [[`admin:${vera.email}`, { admin: vera }]],
      ]);
    }
    expect(byType('admin.removed').map((event) => [event.actor, event.data])).toEqual([
      [owner, { admin: { ...vera, role: 'admin' } }],
    ]);
    // The suite kept what must not leak: links' tokens, passwords, the TOTP secret, the codes.
    expect(secrets.length).toBeGreaterThan(20);
    const serialized = JSON.stringify(events);
    expect(secrets.filter((secret) => serialized.includes(secret))).toEqual([]);
  });

  it('matches each event, field by field, to the documented schema of its type', () => {
    const problems = events.flatMap((event) =>
      mismatches(event).map((problem) => `${event.type} ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('matches the Activity feed to ActivityEntry (an Event and its clientIp), closed', async () => {
    const page = await admin.json<ActivityListView>(admin.get('/api/activity?limit=200'), 200);
    expect(page.data.length).toBeGreaterThan(20);
    expect(page.data.flatMap((entry) => mismatches(entry, ACTIVITY_ENTRY))).toEqual([]);
    // The admin's own requests came from loopback (no proxy), the org's setup from no request.
    expect(new Set(page.data.map((entry) => entry.clientIp === null))).toEqual(
      new Set([true, false]),
    );
    // Closed: a field neither the event nor the entry documents, a missing or mistyped
    // address, and the address on a plain Event all fail.
    const [entry] = page.data;
    if (!entry) throw new Error('expected an activity entry');
    const { clientIp: _clientIp, ...event } = entry;
    expect(mismatches({ ...entry, extra: 1 }, ACTIVITY_ENTRY)).toContain('/extra: not documented');
    expect(mismatches(event, ACTIVITY_ENTRY)).toContain('/clientIp: required, missing');
    expect(mismatches({ ...entry, clientIp: 7 }, ACTIVITY_ENTRY)).toContain(
      '/clientIp: integer, documented string',
    );
    expect(mismatches(entry)).toContain('/clientIp: not documented');
    expect(mismatches(event)).toEqual([]);
  });

  it('matches what a webhook endpoint receives, a test event included, to WebhookDelivery', async () => {
    const [endpoint] = (
      await admin.json<{ webhooks: { id: string; url: string }[] }>(admin.get('/api/webhooks'), 200)
    ).webhooks.filter((hook) => hook.url === receiver.url('/all'));
    await admin.json(admin.request('POST', `/api/webhooks/${endpoint?.id ?? ''}/test`), 202);
    const bodies = await eventually(() => {
      const received = receiver.at('/all').map((receipt) => JSON.parse(receipt.body) as EventView);
      const types = new Set(received.map((event) => event.type));
      expect(types.has('webhook.test' as EventView['type'])).toBe(true);
      expect(types.has('webhook.secret_rotated')).toBe(true);
      return received;
    }, 60_000);
    expect(bodies.flatMap((body) => mismatches(body, WEBHOOK_DELIVERY))).toEqual([]);
  });

  it('tells an event that breaks its schema: wrong type, missing, undocumented, null, other type', () => {
    const created = events.find((event) => event.type === 'user.created');
    const added = events.find((event) => event.type === 'team.member_added');
    if (!created || !added) throw new Error('expected user.created and team.member_added');
    const user = created.data['user'] as Record<string, unknown>;
    const broken = (data: Record<string, unknown>, type: string = created.type) =>
      mismatches({ ...created, type, data });
    // (The envelope's `anyOf` of every data shape reports each break once more, in summary.)
    expect(broken({ user: { ...user, active: 'yes' } })).toContain(
      '/data/user/active: string, documented boolean',
    );
    const { userName: _userName, ...withoutUserName } = user;
    expect(broken({ user: withoutUserName })).toContain('/data/user/userName: required, missing');
    expect(broken({ user: { ...user, password: 'x' } })).toContain(
      '/data/user/password: not documented',
    );
    expect(broken({ user: { ...user, userName: null } })).toContain(
      '/data/user/userName: null, documented string',
    );
    expect(broken({ user: { ...user, externalId: null, email: null } })).toEqual([]);
    expect(broken({ ...created.data, extra: 1 })).toContain('/data/extra: not documented');
    expect(broken(added.data, 'user.created')).not.toEqual([]);
    expect(broken(created.data, 'user.exploded')).toEqual(['/type: "user.exploded" not mapped']);
  });
});

interface OpenApiOperationWithBody {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
}

function tokenOf(link: string): string {
  return link.slice(link.lastIndexOf('/') + 1);
}
