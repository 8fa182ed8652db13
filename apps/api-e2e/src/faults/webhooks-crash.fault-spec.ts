import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { CreatedWebhookView, WebhookDeliveryListView } from '@rollcall/contracts';
import type { AdminClient } from '../support/admin-client';
import { ApiProcess, buildApi } from '../support/api-process';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/test-database';
import { signInDemoAdmin } from '../support/webhook-admin';
import { WebhookReceiver, eventually } from '../support/webhook-receiver';

// The built server is SIGKILLed while a receiver holds its webhook requests unanswered (the
// attempts are mid-flight, their leases taken). After a restart on the same database every
// event still reaches the receiver, at least once, with a valid signature: the leases of the
// dead process run out and its deliveries are retried.

jest.setTimeout(120_000);

const EVENTS = 12;

describe(`webhooks survive a SIGKILL mid-delivery on ${testDialect()}`, () => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  let server: ApiProcess | undefined;

  beforeAll(async () => {
    buildApi();
    database = await createTestDatabase();
    receiver = await WebhookReceiver.start();
  });

  afterAll(async () => {
    await server?.kill();
    await receiver?.stop();
    await database?.drop();
  });

  it('delivers every event at least once, signed, after a restart', async () => {
    const env = {
      ...database.env,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      ALLOW_PRIVATE_NETWORK: 'true',
      WEBHOOK_POLL_INTERVAL_MS: '50',
      // A 1 s cap per attempt: a dead worker's lease (cap + 5 s) runs out soon after.
      WEBHOOK_TIMEOUT_MS: '1000',
      WEBHOOK_RETRY_SCHEDULE_MS: '100,200,400,800,1600,3200',
    };
    server = await ApiProcess.start(env);
    const admin: AdminClient = await signInDemoAdmin(server);
    receiver.hold();
    const endpoint = await admin.json<CreatedWebhookView>(
      admin.request('POST', '/api/webhooks', { url: receiver.url('/crash') }),
      201,
    );
    // Distinct subjects, so many deliveries are in flight at once.
    for (let i = 0; i < EVENTS; i += 1) {
      await admin.json(
        admin.request('POST', '/api/webhooks', {
          url: receiver.url(`/quiet-${i}`),
          events: ['team.purged'],
        }),
        201,
      );
    }
    // Requests are arriving and none is answered: the kill lands mid-delivery.
    await eventually(() => expect(receiver.at('/crash').length).toBeGreaterThanOrEqual(3));
    await server.kill();
    server = undefined;
    receiver.release();
    const heldIds = new Set(receiver.at('/crash').map((r) => r.headers['webhook-id']));

    server = await ApiProcess.start(env);
    const verifier = new Webhook(endpoint.secret);
    // Its own creation and one creation per other endpoint.
    const delivered = await eventually(() => {
      const ok = receiver.at('/crash', 200);
      const ids = new Set(ok.map((r) => r.event.id));
      expect(ids.size).toBe(EVENTS + 1);
      return ok;
    }, 60_000);
    for (const receipt of delivered) {
      expect(verifier.verify(receipt.body, receipt.headers)).toEqual(JSON.parse(receipt.body));
      expect(receipt.headers['webhook-id']).toBe(receipt.event.id);
    }
    const sequences = [...new Set(delivered.map((r) => r.event.sequence))].sort((a, b) => a - b);
    expect(sequences).toEqual(sequences.map((_, i) => (sequences[0] ?? 0) + i));
    // What was held when the server died was sent again, with the same webhook-id.
    for (const id of heldIds) expect(delivered.map((r) => r.event.id)).toContain(id);

    // The session outlives the process (it is in the database).
    const restarted = admin.on(server);
    await eventually(async () => {
      const list = await restarted.json<WebhookDeliveryListView>(
        restarted.get(`/api/webhooks/${endpoint.id}/deliveries?limit=100`),
        200,
      );
      expect(list.deliveries.map((d) => d.status)).toEqual(list.deliveries.map(() => 'succeeded'));
      expect(list.deliveries).toHaveLength(EVENTS + 1);
    });
  });
});
