import { randomBytes } from 'node:crypto';
import type {
  CreatedWebhookView,
  WebhookDeliveryListView,
  WebhookEndpointView,
} from '@rollcall/contracts';
import type { AdminClient } from '../support/admin-client';
import { ApiProcess, buildApi } from '../support/api-process';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/test-database';
import { signInDemoAdmin } from '../support/webhook-admin';
import { WebhookReceiver, eventually } from '../support/webhook-receiver';

// Two replicas of the built server, each with two cluster workers, on one database: four
// dispatchers. Each event is fanned out once and each attempt is made by one of them only
// (FOR UPDATE SKIP LOCKED on PostgreSQL; on SQLite, where the workers of one machine share
// the file, BEGIN IMMEDIATE serialises the claims). The receiver answers 200, so every
// webhook-id must arrive exactly once.

jest.setTimeout(120_000);

const SUBJECTS = 6;
const UPDATES = 8;

describe(`webhooks from two replicas on ${testDialect()}`, () => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  let replicas: ApiProcess[] = [];

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.kill()));
    await receiver?.stop();
    await database?.drop();
  });

  it('delivers every event once, each attempt made by one replica', async () => {
    buildApi();
    database = await createTestDatabase();
    const env = {
      ...database.env,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      ALLOW_PRIVATE_NETWORK: 'true',
      WEBHOOK_POLL_INTERVAL_MS: '20',
      // Two cluster workers per replica: four dispatchers on one database.
      WEB_CONCURRENCY: '2',
    };
    const first = await ApiProcess.start(env);
    replicas = [first];
    const admin = await signInDemoAdmin(first);
    replicas.push(await ApiProcess.start(env));
    // The same session works on either replica (sessions live in the database).
    const clients = replicas.map((replica) => admin.on(replica));

    const endpoint = await admin.json<CreatedWebhookView>(
      admin.request('POST', '/api/webhooks', { url: receiver.url('/all') }),
      201,
    );
    const subjects: string[] = [];
    for (let i = 0; i < SUBJECTS; i += 1) {
      const created = await admin.json<CreatedWebhookView>(
        admin.request('POST', '/api/webhooks', {
          url: receiver.url(`/quiet-${i}`),
          events: ['team.purged'],
        }),
        201,
      );
      subjects.push(created.id);
    }
    // Updates of every subject through both replicas at once, while both deliver.
    await Promise.all(
      subjects.map(async (id, s) => {
        for (let u = 0; u < UPDATES; u += 1) {
          const client = clients[(s + u) % 2] as AdminClient;
          await client.json<WebhookEndpointView>(
            client.request('PATCH', `/api/webhooks/${id}`, { description: `v${u}` }),
            200,
          );
        }
      }),
    );
    const expected = 1 + SUBJECTS + SUBJECTS * UPDATES;
    await eventually(() => expect(receiver.at('/all', 200)).toHaveLength(expected), 60_000);
    // A moment for any duplicate to show up: a second attempt would follow within a poll.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const received = receiver.at('/all');
    const counts = new Map<string, number>();
    for (const r of received) counts.set(r.event.id, (counts.get(r.event.id) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    expect(counts.size).toBe(expected);
    const sequences = [...new Set(received.map((r) => r.event.sequence))].sort((a, b) => a - b);
    expect(sequences).toEqual(sequences.map((_, i) => (sequences[0] ?? 0) + i));
    // Each subject's updates arrived in order.
    for (const id of subjects) {
      const versions = received
        .filter((r) => (r.event.data['webhook'] as { id: string }).id === id)
        .filter((r) => r.event.type === 'webhook.updated')
        .map((r) => (r.event.data['webhook'] as { description: string }).description);
      expect(versions).toEqual(Array.from({ length: UPDATES }, (_, u) => `v${u}`));
    }
    const list = await admin.json<WebhookDeliveryListView>(
      admin.get(`/api/webhooks/${endpoint.id}/deliveries?limit=200`),
      200,
    );
    expect(list.deliveries).toHaveLength(expected);
    expect(list.deliveries.every((d) => d.status === 'succeeded' && d.attempts === 1)).toBe(true);
  });
});
