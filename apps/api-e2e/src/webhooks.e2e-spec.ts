import { Webhook } from 'standardwebhooks';
import type {
  CreatedApiKeyView,
  CreatedWebhookView,
  WebhookDeliveryDetailView,
  WebhookDeliveryListView,
  WebhookEndpointListView,
  WebhookEndpointView,
} from '@rollcall/contracts';
import { AdminClient } from './support/admin-client';
import { aPatch, aScimUser } from './support/scim-user.builder';
import { TestApi } from './support/test-api';
import { testDialect } from './support/test-database';
import { WebhookReceiver, eventually, type Receipt } from './support/webhook-receiver';

// Signed webhooks (Standard Webhooks) from a real server to real receivers on loopback: the
// admin API, signatures, filters, per-resource order, retries, tests, resends, rotation,
// failing and disabled endpoints, and API key scopes. Retries run on a schedule of
// milliseconds (WEBHOOK_RETRY_SCHEDULE_MS) so the whole schedule plays out in the test.

jest.setTimeout(60_000);

describe(`webhooks on ${testDialect()}`, () => {
  let api: TestApi;
  let receiver: WebhookReceiver;
  let paths = 0;

  /** A fresh organization and its signed-in admin: each test has its own endpoints. */
  async function anOrganization(): Promise<AdminClient> {
    return AdminClient.signIn(api, await api.createOrganization('Webhooks Org'));
  }

  const nextPath = () => `/hook-${(paths += 1)}`;

  async function createWebhook(
    admin: AdminClient,
    body: Record<string, unknown> = {},
  ): Promise<CreatedWebhookView & { path: string }> {
    const path = nextPath();
    const created = await admin.json<CreatedWebhookView>(
      admin.request('POST', '/api/webhooks', { url: receiver.url(path), ...body }),
      201,
    );
    return { ...created, path };
  }

  const patch = (admin: AdminClient, id: string, body: Record<string, unknown>) =>
    admin.json<WebhookEndpointView>(admin.request('PATCH', `/api/webhooks/${id}`, body), 200);

  const deliveries = (admin: AdminClient, id: string, query = '') =>
    admin.json<WebhookDeliveryListView>(admin.get(`/api/webhooks/${id}/deliveries${query}`), 200);

  const delivery = (admin: AdminClient, id: string, deliveryId: string) =>
    admin.json<WebhookDeliveryDetailView>(
      admin.get(`/api/webhooks/${id}/deliveries/${deliveryId}`),
      200,
    );

  /** Standard Webhooks verification of a receipt, as a receiver would run it. */
  const verify = (secret: string, receipt: Pick<Receipt, 'body' | 'headers'>) =>
    new Webhook(secret).verify(receipt.body, receipt.headers);

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    api = await TestApi.start({
      WEBHOOK_RETRY_SCHEDULE_MS: '50,100',
      WEBHOOK_POLL_INTERVAL_MS: '50',
      WEBHOOK_TIMEOUT_MS: '2000',
    });
  });

  afterAll(async () => {
    await api?.stop();
    await receiver?.stop();
  });

  it('creates, lists, reads, changes and deletes endpoints; the secret is shown once', async () => {
    const admin = await anOrganization();
    const created = await createWebhook(admin, {
      events: ['user.created', 'user.created', 'team.created'],
      description: '  Billing sync  ',
    });
    expect(created).toEqual({
      id: expect.any(String),
      url: receiver.url(created.path),
      events: ['user.created', 'team.created'],
      description: 'Billing sync',
      status: 'active',
      failingSince: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      pendingDeliveries: 0,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
      path: created.path,
    });
    const { path: _path, secret, ...view } = created;
    const listed = await admin.json<WebhookEndpointListView>(admin.get('/api/webhooks'), 200);
    expect(listed.webhooks).toEqual([view]);
    const raw = await (await admin.get(`/api/webhooks/${created.id}`)).text();
    expect(JSON.parse(raw)).toEqual(view);
    expect(raw).not.toContain(secret.slice(6, 20));
    expect(JSON.stringify(listed)).not.toContain(secret.slice(6, 20));

    const changed = await patch(admin, created.id, {
      url: receiver.url('/moved'),
      events: null,
      description: null,
    });
    expect(changed).toMatchObject({
      url: receiver.url('/moved'),
      events: null,
      description: null,
      status: 'active',
    });
    expect(await patch(admin, created.id, { enabled: false })).toMatchObject({
      status: 'disabled',
    });

    const response = await admin.request('DELETE', `/api/webhooks/${created.id}`);
    expect(response.status).toBe(204);
    await admin.error(admin.get(`/api/webhooks/${created.id}`), 404, 'WEBHOOK_NOT_FOUND');
    await admin.error(
      admin.request('DELETE', `/api/webhooks/${created.id}`),
      404,
      'WEBHOOK_NOT_FOUND',
    );
  });

  it('refuses bad input with 400 and unknown or other organizations’ endpoints with 404', async () => {
    const admin = await anOrganization();
    const other = await anOrganization();
    const post = (body: unknown) => admin.request('POST', '/api/webhooks', body);
    await admin.error(
      post({ url: receiver.url('/x'), events: ['user.created', 'user.exploded'] }),
      400,
      'EVENT_TYPE_UNKNOWN',
    );
    await admin.error(
      post({ url: receiver.url('/x'), events: ['webhook.test'] }),
      400,
      'EVENT_TYPE_UNKNOWN',
    );
    await admin.error(post({ url: receiver.url('/x'), events: [] }), 400, 'BAD_REQUEST');
    await admin.error(post({ url: 'http://user:pw@127.0.0.1/' }), 400, 'WEBHOOK_URL_INVALID');
    await admin.error(post({ url: 'ftp://hooks.example.com/' }), 400, 'WEBHOOK_URL_INVALID');
    await admin.error(post({ url: 'not a url' }), 400, 'WEBHOOK_URL_INVALID');
    await admin.error(post({}), 400, 'BAD_REQUEST');
    await admin.error(
      post({ url: receiver.url('/x'), description: 'x'.repeat(501) }),
      400,
      'BAD_REQUEST',
    );

    const theirs = await createWebhook(other);
    for (const [method, path] of [
      ['GET', `/api/webhooks/${theirs.id}`],
      ['PATCH', `/api/webhooks/${theirs.id}`],
      ['DELETE', `/api/webhooks/${theirs.id}`],
      ['POST', `/api/webhooks/${theirs.id}/rotate-secret`],
      ['POST', `/api/webhooks/${theirs.id}/test`],
      ['GET', `/api/webhooks/${theirs.id}/deliveries`],
      ['GET', `/api/webhooks/nope/deliveries/whd_0`],
    ] as const) {
      await admin.error(
        admin.request(method, path, method === 'PATCH' ? { enabled: false } : undefined),
        404,
        'WEBHOOK_NOT_FOUND',
      );
    }
    const mine = await createWebhook(admin);
    await admin.error(
      admin.get(`/api/webhooks/${mine.id}/deliveries/whd_00000000000000000000000000000000`),
      404,
      'WEBHOOK_DELIVERY_NOT_FOUND',
    );
    await admin.error(
      admin.request('POST', `/api/webhooks/${mine.id}/deliveries/whd_0/resend`),
      404,
      'WEBHOOK_DELIVERY_NOT_FOUND',
    );
    await admin.error(
      admin.get(`/api/webhooks/${mine.id}/deliveries?before=yesterday`),
      400,
      'EVENT_CURSOR_INVALID',
    );
    expect(
      (await other.json<WebhookEndpointView>(other.get(`/api/webhooks/${theirs.id}`), 200)).status,
    ).toBe('active');
  });

  it('allows 20 endpoints per organization', async () => {
    const admin = await anOrganization();
    for (let i = 0; i < 20; i += 1) await createWebhook(admin, { events: ['team.purged'] });
    await admin.error(
      admin.request('POST', '/api/webhooks', { url: receiver.url('/21') }),
      409,
      'WEBHOOK_LIMIT_REACHED',
    );
  });

  it('delivers signed events that verify, and a tampered body or another secret does not', async () => {
    const admin = await anOrganization();
    const endpoint = await createWebhook(admin);
    const other = await createWebhook(admin, { events: ['team.created'] });
    // The new endpoint hears what happens from its creation on: its own creation, and the next.
    // Two subjects: delivered side by side, so in any order; the sequence orders them.
    const [own, next] = await eventually(() => {
      const got = receiver.at(endpoint.path, 200);
      expect(got).toHaveLength(2);
      return [...got].sort((a, b) => a.event.sequence - b.event.sequence);
    });
    expect(own?.event).toMatchObject({
      type: 'webhook.created',
      data: { webhook: { id: endpoint.id } },
    });
    expect(next?.event).toMatchObject({
      type: 'webhook.created',
      data: { webhook: { id: other.id } },
    });
    const receipt = next as Receipt;
    expect(receipt.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Rollcall-Webhooks/1',
      'webhook-id': receipt.event.id,
      'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/),
    });
    expect(Math.abs(Number(receipt.headers['webhook-timestamp']) * 1000 - Date.now())).toBeLessThan(
      300_000,
    );
    expect(Object.keys(JSON.parse(receipt.body) as object)).toEqual([
      'id',
      'type',
      'createdAt',
      'actor',
      'sequence',
      'data',
    ]);
    expect(receipt.event.sequence).toBe((own?.event.sequence ?? 0) + 1);
    expect(JSON.parse(receipt.body)).toMatchObject({ actor: `admin:${admin.adminEmail}` });
    expect(receipt.body).not.toContain(other.secret.slice(6));

    expect(verify(endpoint.secret, receipt)).toEqual(JSON.parse(receipt.body));
    expect(() =>
      verify(endpoint.secret, { ...receipt, body: receipt.body.replace('webhook', 'Webhook') }),
    ).toThrow();
    expect(() => verify(other.secret, receipt)).toThrow();

    // The same event as GET /api/events shows it.
    const feed = await admin.json<{ data: unknown[] }>(admin.get('/api/events'), 200);
    expect(feed.data).toContainEqual(JSON.parse(receipt.body));
    // Only what the other endpoint asked for (team.created): nothing so far.
    expect(receiver.at(other.path)).toEqual([]);
  });

  it('sends only the event types an endpoint asked for', async () => {
    const admin = await anOrganization();
    const deletions = await createWebhook(admin, { events: ['webhook.deleted'] });
    const everything = await createWebhook(admin);
    const doomed = await createWebhook(admin);
    await patch(admin, doomed.id, { description: 'about to go' });
    expect((await admin.request('DELETE', `/api/webhooks/${doomed.id}`)).status).toBe(204);
    await eventually(() =>
      expect(
        receiver
          .at(everything.path, 200)
          .sort((a, b) => a.event.sequence - b.event.sequence)
          .map((r) => r.event.type),
      ).toEqual(['webhook.created', 'webhook.created', 'webhook.updated', 'webhook.deleted']),
    );
    await eventually(() =>
      expect(receiver.at(deletions.path).map((r) => r.event.type)).toEqual(['webhook.deleted']),
    );
  });

  it('keeps one resource’s events in order through retries; a 500 then 200 keeps the webhook-id and lists both attempts', async () => {
    const admin = await anOrganization();
    const endpoint = await createWebhook(admin, { events: ['webhook.updated'] });
    const subject = await createWebhook(admin, { events: ['team.purged'] });
    // The first update of the subject is answered 500 once; the later ones must wait for it.
    let failedOnce = false;
    receiver.answer(endpoint.path, (receipt) => {
      if (!failedOnce && receipt.event.data['changed'] !== undefined) {
        const webhook = receipt.event.data['webhook'] as { description?: string };
        if (webhook.description === 'v1') {
          failedOnce = true;
          return 500;
        }
      }
      return 200;
    });
    for (let version = 1; version <= 5; version += 1) {
      await patch(admin, subject.id, { description: `v${version}` });
    }
    const received = await eventually(() => {
      const ok = receiver.at(endpoint.path, 200);
      expect(ok).toHaveLength(5);
      return ok;
    });
    const descriptions = (list: Receipt[]) =>
      list.map((r) => (r.event.data['webhook'] as { description: string }).description);
    expect(descriptions(received)).toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
    // Nothing of this subject was sent between the failure and its successful retry.
    const all = receiver.at(endpoint.path);
    expect(descriptions(all)).toEqual(['v1', 'v1', 'v2', 'v3', 'v4', 'v5']);
    expect(all.map((r) => r.status).slice(0, 2)).toEqual([500, 200]);
    expect(all[0]?.headers['webhook-id']).toBe(all[1]?.headers['webhook-id']);
    expect(verify(endpoint.secret, all[1] as Receipt)).toBeTruthy();

    const list = await deliveries(admin, endpoint.id);
    const first = list.deliveries.find((d) => d.eventId === all[0]?.event.id);
    expect(first).toMatchObject({
      eventType: 'webhook.updated',
      status: 'succeeded',
      attempts: 2,
      nextAttemptAt: null,
      lastAttempt: { responseStatus: 200, error: null, responseSnippet: 'answered 200' },
    });
    const detail = await delivery(admin, endpoint.id, first?.id ?? '');
    expect(detail.attemptsMade.map((a) => [a.responseStatus, a.responseSnippet])).toEqual([
      [500, 'answered 500'],
      [200, 'answered 200'],
    ]);
    expect(detail.payload).toEqual(JSON.parse(all[0]?.body ?? '{}'));
    expect(list.deliveries.map((d) => d.createdAt)).toEqual(
      [...list.deliveries.map((d) => d.createdAt)].sort().reverse(),
    );
    const page = await deliveries(admin, endpoint.id, '?limit=2');
    expect(page.deliveries).toHaveLength(2);
    const rest = await deliveries(admin, endpoint.id, `?limit=10&before=${page.nextBefore ?? ''}`);
    expect([...page.deliveries, ...rest.deliveries].map((d) => d.id)).toEqual(
      list.deliveries.map((d) => d.id),
    );
    expect(rest.nextBefore).toBeNull();
    expect((await deliveries(admin, endpoint.id, '?status=failed')).deliveries).toEqual([]);
  });

  it('sends a test event to that endpoint only, and resends a delivery with the same webhook-id', async () => {
    const admin = await anOrganization();
    const endpoint = await createWebhook(admin, { events: ['team.purged'] });
    const bystander = await createWebhook(admin);
    const queued = await admin.json<{ deliveryId: string }>(
      admin.request('POST', `/api/webhooks/${endpoint.id}/test`),
      202,
    );
    expect(queued.deliveryId).toMatch(/^whd_[0-9a-f]{32}$/);
    const [test] = await eventually(() => {
      const got = receiver.at(endpoint.path, 200);
      expect(got).toHaveLength(1);
      return got;
    });
    expect(test?.event).toMatchObject({
      type: 'webhook.test',
      sequence: 0,
      data: { webhook: { id: endpoint.id, url: endpoint.url } },
    });
    expect(verify(endpoint.secret, test as Receipt)).toBeTruthy();
    const detail = await eventually(async () => {
      const found = await delivery(admin, endpoint.id, queued.deliveryId);
      expect(found.status).toBe('succeeded');
      return found;
    });
    expect(detail).toMatchObject({ eventType: 'webhook.test', eventId: test?.event.id });
    expect(detail.payload).toEqual(JSON.parse(test?.body ?? '{}'));

    const resent = await admin.json<{ deliveryId: string }>(
      admin.request('POST', `/api/webhooks/${endpoint.id}/deliveries/${queued.deliveryId}/resend`),
      202,
    );
    expect(resent.deliveryId).not.toBe(queued.deliveryId);
    const [, again] = await eventually(() => {
      const got = receiver.at(endpoint.path, 200);
      expect(got).toHaveLength(2);
      return got;
    });
    expect(again?.headers['webhook-id']).toBe(test?.headers['webhook-id']);
    expect(again?.body).toBe(test?.body);
    // The bystander got its own creation only: no test event.
    await eventually(async () =>
      expect((await deliveries(admin, bystander.id, '?status=pending')).deliveries).toEqual([]),
    );
    expect(receiver.at(bystander.path).map((r) => r.event.type)).toEqual(['webhook.created']);
    expect((await delivery(admin, endpoint.id, queued.deliveryId)).attempts).toBe(1);
  });

  it('signs with both secrets for a day after a rotation', async () => {
    const admin = await anOrganization();
    const endpoint = await createWebhook(admin, { events: ['webhook.updated'] });
    const rotated = await admin.json<CreatedWebhookView>(
      admin.request('POST', `/api/webhooks/${endpoint.id}/rotate-secret`),
      200,
    );
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(endpoint.secret);
    expect(rotated.id).toBe(endpoint.id);
    await patch(admin, endpoint.id, { description: 'after the rotation' });
    const [receipt] = await eventually(() => {
      const got = receiver.at(endpoint.path, 200);
      expect(got).toHaveLength(1);
      return got;
    });
    expect(receipt?.headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(verify(rotated.secret, receipt as Receipt)).toBeTruthy();
    expect(verify(endpoint.secret, receipt as Receipt)).toBeTruthy();
    const stranger = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    expect(() => verify(stranger, receipt as Receipt)).toThrow();
  });

  it('marks an endpoint failing once a delivery runs out of retries, until it is enabled again', async () => {
    const admin = await anOrganization();
    const endpoint = await createWebhook(admin, { events: ['webhook.updated'] });
    receiver.answer(endpoint.path, () => 503);
    await patch(admin, endpoint.id, { description: 'doomed' });
    const failing = await eventually(async () => {
      const found = await admin.json<WebhookEndpointView>(
        admin.get(`/api/webhooks/${endpoint.id}`),
        200,
      );
      expect(found.status).toBe('failing');
      return found;
    });
    expect(failing.failingSince).toEqual(expect.any(String));
    // The schedule is 50 ms, 100 ms: three attempts, then no more.
    expect(receiver.at(endpoint.path, 503)).toHaveLength(3);
    const {
      deliveries: [failed],
    } = await deliveries(admin, endpoint.id, '?status=failed');
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: 3,
      nextAttemptAt: null,
      lastAttempt: { responseStatus: 503 },
    });
    const ids = new Set(receiver.at(endpoint.path).map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(1);

    receiver.answer(endpoint.path, () => 200);
    expect(await patch(admin, endpoint.id, { enabled: true })).toMatchObject({
      status: 'active',
      failingSince: null,
    });
  });

  it('sends nothing to a disabled endpoint, nor later what happened while it was disabled', async () => {
    const admin = await anOrganization();
    const witness = await createWebhook(admin, { events: ['webhook.updated'] });
    const paused = await createWebhook(admin, { events: ['webhook.updated'] });
    await patch(admin, paused.id, { enabled: false });
    await patch(admin, witness.id, { description: 'while paused' });
    // Both updates (the pause itself and the description) reached the witness…
    await eventually(() => expect(receiver.at(witness.path, 200)).toHaveLength(2));
    expect(receiver.at(paused.path)).toEqual([]);
    // …and enabling the paused one again does not send them late: it hears what happens
    // from then on, its own enabling included.
    await patch(admin, paused.id, { enabled: true });
    await patch(admin, witness.id, { description: 'after' });
    await eventually(() => expect(receiver.at(witness.path, 200)).toHaveLength(4));
    await eventually(() =>
      expect(
        receiver
          .at(paused.path, 200)
          .sort((a, b) => a.event.sequence - b.event.sequence)
          .map((r) => [r.event.data['webhook'], r.event.data['changed']]),
      ).toEqual([
        [expect.objectContaining({ id: paused.id, enabled: true }), ['enabled']],
        [expect.objectContaining({ id: witness.id, description: 'after' }), ['description']],
      ]),
    );
  });

  it('delivers what Entra provisions over SCIM, one user’s changes in order', async () => {
    const org = await api.createOrganization('Provisioned Org');
    const admin = await AdminClient.signIn(api, org);
    const endpoint = await createWebhook(admin, { events: ['user.created', 'user.updated'] });
    const created = await api.scim(org.scimToken, 'POST', '/Users', aScimUser());
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    for (const title of ['Engineer', 'Lead', 'Director']) {
      const patched = await api.scim(
        org.scimToken,
        'PATCH',
        `/Users/${id}`,
        aPatch({ op: 'Replace', path: 'title', value: title }),
      );
      expect(patched.status).toBeLessThan(300);
    }
    const received = await eventually(() => {
      const got = receiver.at(endpoint.path, 200);
      expect(got).toHaveLength(4);
      return got;
    });
    expect(received.map((r) => r.event.type)).toEqual([
      'user.created',
      'user.updated',
      'user.updated',
      'user.updated',
    ]);
    const sequences = received.map((r) => r.event.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    for (const receipt of received) {
      expect(verify(endpoint.secret, receipt)).toBeTruthy();
      expect(JSON.stringify(receipt.event.data)).toContain(id);
    }
  });

  it('takes API keys: a read key reads, only a read_write key changes', async () => {
    const admin = await anOrganization();
    const endpoint = await createWebhook(admin);
    const key = async (scope: string) =>
      (
        await admin.json<CreatedApiKeyView>(
          admin.request('POST', '/api/api-keys', { name: `webhooks ${scope}`, scope }),
          201,
        )
      ).key;
    const [reader, writer] = [await key('read'), await key('read_write')];
    const withKey = (apiKey: string, method: string, path: string, body?: unknown) =>
      fetch(`${api.baseUrl}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${apiKey}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const listed = await admin.json<WebhookEndpointListView>(
      withKey(reader, 'GET', '/api/webhooks'),
      200,
    );
    expect(listed.webhooks.map((w) => w.id)).toEqual([endpoint.id]);
    await admin.json(withKey(reader, 'GET', `/api/webhooks/${endpoint.id}/deliveries`), 200);
    await admin.error(
      withKey(reader, 'POST', '/api/webhooks', { url: receiver.url('/by-key') }),
      403,
      'INSUFFICIENT_SCOPE',
    );
    await admin.error(
      withKey(reader, 'POST', `/api/webhooks/${endpoint.id}/test`),
      403,
      'INSUFFICIENT_SCOPE',
    );
    const created = await admin.json<CreatedWebhookView>(
      withKey(writer, 'POST', '/api/webhooks', {
        url: receiver.url('/by-key'),
        events: ['webhook.deleted'],
      }),
      201,
    );
    expect(created.secret).toMatch(/^whsec_/);
    expect((await withKey(writer, 'DELETE', `/api/webhooks/${created.id}`)).status).toBe(204);
    await eventually(() =>
      expect(
        receiver.at(endpoint.path, 200).find((r) => r.event.type === 'webhook.deleted')?.event,
      ).toMatchObject({ actor: 'api_key:webhooks read_write' }),
    );
  });

  it('documents the routes and how a receiver verifies a signature in the OpenAPI document', async () => {
    const response = await fetch(`${api.baseUrl}/api/docs-json`);
    const document = (await response.json()) as {
      tags?: { name: string; description?: string }[];
      paths: Record<string, Record<string, { summary?: string; 'x-accepts-api-key'?: boolean }>>;
    };
    const tag = document.tags?.find((t) => t.name === 'Admin: webhooks');
    expect(tag?.description).toContain('webhook-signature');
    expect(tag?.description).toContain('new Webhook(');
    for (const [path, method] of [
      ['/api/webhooks', 'get'],
      ['/api/webhooks', 'post'],
      ['/api/webhooks/{id}', 'get'],
      ['/api/webhooks/{id}', 'patch'],
      ['/api/webhooks/{id}', 'delete'],
      ['/api/webhooks/{id}/rotate-secret', 'post'],
      ['/api/webhooks/{id}/test', 'post'],
      ['/api/webhooks/{id}/deliveries', 'get'],
      ['/api/webhooks/{id}/deliveries/{deliveryId}', 'get'],
      ['/api/webhooks/{id}/deliveries/{deliveryId}/resend', 'post'],
    ] as const) {
      const operation = document.paths[path]?.[method];
      expect({ path, method, summary: typeof operation?.summary }).toEqual({
        path,
        method,
        summary: 'string',
      });
      expect(operation?.['x-accepts-api-key']).toBe(true);
    }
  });
});
