import type { CreatedWebhookView, WebhookDeliveryListView } from '@rollcall/contracts';
import { AdminClient } from './support/admin-client';
import { TestApi } from './support/test-api';
import { testDialect } from './support/test-database';
import { WebhookReceiver, eventually } from './support/webhook-receiver';

// What an operator scraping GET /metrics sees of webhook delivery, from a real server
// delivering to real receivers on loopback: attempts by outcome, their durations, endpoints
// turning failing and the deliveries in flight, each moved by exactly what happened. One
// retry 50 ms after a failure, so a delivery runs out of retries within the test.

jest.setTimeout(60_000);

const ATTEMPTS = 'rollcall_webhook_attempts_total';
const DURATION = 'rollcall_webhook_attempt_duration_seconds';
const MARKED_FAILING = 'rollcall_webhook_endpoints_marked_failing_total';
const IN_FLIGHT = 'rollcall_webhook_deliveries_in_flight';

type Scrape = Map<string, number>;

describe(`webhook delivery metrics on ${testDialect()}`, () => {
  let api: TestApi;
  let receiver: WebhookReceiver;
  let paths = 0;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    api = await TestApi.start({
      ALLOW_PRIVATE_NETWORK: 'true',
      WEBHOOK_RETRY_SCHEDULE_MS: '50',
      WEBHOOK_POLL_INTERVAL_MS: '50',
      WEBHOOK_TIMEOUT_MS: '5000',
    });
  });

  afterAll(async () => {
    await api?.stop();
    await receiver?.stop();
  });

  /** Every sample of the scrape, by series as written (`name{labels}`). */
  async function scrape(): Promise<Scrape> {
    const response = await fetch(`${api.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    const samples = new Map<string, number>();
    for (const line of (await response.text()).split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const space = line.lastIndexOf(' ');
      samples.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
    return samples;
  }

  const value = (samples: Scrape, series: string): number => {
    const found = samples.get(series);
    if (found === undefined) throw new Error(`${series} is not in the scrape`);
    return found;
  };

  /** How far each series moved between two scrapes. */
  const moved = (before: Scrape, after: Scrape, series: string[]) =>
    Object.fromEntries(series.map((s) => [s, value(after, s) - value(before, s)]));

  const outcomes = ['delivered', 'http_error', 'timeout', 'network_error', 'refused'].map(
    (outcome) => `${ATTEMPTS}{outcome="${outcome}"}`,
  );

  /** An endpoint of a fresh organization that hears its own updates only. */
  async function anEndpoint(): Promise<{ admin: AdminClient; id: string; path: string }> {
    const admin = await AdminClient.signIn(api, await api.createOrganization('Metrics Org'));
    const path = `/metrics-hook-${(paths += 1)}`;
    const { id } = await admin.json<CreatedWebhookView>(
      admin.request('POST', '/api/webhooks', {
        url: receiver.url(path),
        events: ['webhook.updated'],
      }),
      201,
    );
    return { admin, id, path };
  }

  const describeAs = (admin: AdminClient, id: string, description: string) =>
    admin.json(admin.request('PATCH', `/api/webhooks/${id}`, { description }), 200);

  /** Waits until the endpoint's deliveries are settled as expected (recorded, so counted). */
  const settled = (admin: AdminClient, id: string, expected: [string, number][]) =>
    eventually(async () => {
      const { deliveries } = await admin.json<WebhookDeliveryListView>(
        admin.get(`/api/webhooks/${id}/deliveries`),
        200,
      );
      // Deliveries fanned out together share a time: compared in no particular order.
      expect(deliveries.map((d) => `${d.status} ${d.attempts}`).sort()).toEqual(
        expected.map(([status, attempts]) => `${status} ${attempts}`).sort(),
      );
    });

  it('counts a 200 as delivered and a 500 as an HTTP error, each attempt in the duration histogram', async () => {
    const { admin, id, path } = await anEndpoint();
    // The first update is answered 200; the second 500, then 200 when it is retried.
    receiver.answer(path, (_receipt, seen) => (seen === 1 ? 500 : 200));
    const before = await scrape();
    await describeAs(admin, id, 'v1');
    await describeAs(admin, id, 'v2');
    await settled(admin, id, [
      ['succeeded', 1],
      ['succeeded', 2],
    ]);
    expect(receiver.at(path).map((r) => r.status)).toEqual([200, 500, 200]);

    const after = await scrape();
    expect(
      moved(before, after, [
        ...outcomes,
        `${DURATION}_count`,
        `${DURATION}_bucket{le="+Inf"}`,
        `${DURATION}_bucket{le="30"}`,
        MARKED_FAILING,
      ]),
    ).toEqual({
      [`${ATTEMPTS}{outcome="delivered"}`]: 2,
      [`${ATTEMPTS}{outcome="http_error"}`]: 1,
      [`${ATTEMPTS}{outcome="timeout"}`]: 0,
      [`${ATTEMPTS}{outcome="network_error"}`]: 0,
      [`${ATTEMPTS}{outcome="refused"}`]: 0,
      [`${DURATION}_count`]: 3,
      [`${DURATION}_bucket{le="+Inf"}`]: 3,
      [`${DURATION}_bucket{le="30"}`]: 3,
      [MARKED_FAILING]: 0,
    });
    expect(value(after, `${DURATION}_sum`)).toBeGreaterThan(value(before, `${DURATION}_sum`));
    expect(value(after, IN_FLIGHT)).toBe(0);
  });

  it('counts an endpoint turning failing once, when a delivery runs out of retries', async () => {
    const { admin, id, path } = await anEndpoint();
    receiver.answer(path, () => 500);
    const before = await scrape();
    await describeAs(admin, id, 'doomed');
    await settled(admin, id, [['failed', 2]]);
    // Counted once the failing state is committed, a moment after the delivery is recorded.
    const after = await eventually(async () => {
      const samples = await scrape();
      expect(value(samples, MARKED_FAILING) - value(before, MARKED_FAILING)).toBe(1);
      return samples;
    });
    expect(moved(before, after, [...outcomes, `${DURATION}_count`])).toEqual({
      [`${ATTEMPTS}{outcome="delivered"}`]: 0,
      [`${ATTEMPTS}{outcome="http_error"}`]: 2,
      [`${ATTEMPTS}{outcome="timeout"}`]: 0,
      [`${ATTEMPTS}{outcome="network_error"}`]: 0,
      [`${ATTEMPTS}{outcome="refused"}`]: 0,
      [`${DURATION}_count`]: 2,
    });
  });

  it('shows a delivery in flight while its receiver has not answered', async () => {
    const { admin, id } = await anEndpoint();
    const before = await scrape();
    receiver.hold();
    try {
      await describeAs(admin, id, 'held');
      await eventually(async () => expect(value(await scrape(), IN_FLIGHT)).toBe(1));
    } finally {
      receiver.release();
    }
    await settled(admin, id, [['succeeded', 1]]);
    const after = await eventually(async () => {
      const samples = await scrape();
      expect(value(samples, IN_FLIGHT)).toBe(0);
      return samples;
    });
    expect(moved(before, after, [`${ATTEMPTS}{outcome="delivered"}`, `${DURATION}_count`])).toEqual(
      {
        [`${ATTEMPTS}{outcome="delivered"}`]: 1,
        [`${DURATION}_count`]: 1,
      },
    );
  });
});
