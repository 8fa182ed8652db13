import {
  WEBHOOK_ATTEMPT_DURATION_BUCKETS_SECONDS,
  WEBHOOK_ATTEMPT_OUTCOMES,
  WebhookDeliveryStats,
} from './webhook-delivery.stats';

describe('WebhookDeliveryStats', () => {
  it('starts at zero for every outcome, bucket and count', () => {
    expect(new WebhookDeliveryStats().snapshot()).toEqual({
      attempts: { delivered: 0, http_error: 0, timeout: 0, network_error: 0, refused: 0 },
      durations: {
        buckets: WEBHOOK_ATTEMPT_DURATION_BUCKETS_SECONDS.map(() => 0),
        sumSeconds: 0,
        count: 0,
      },
      endpointsMarkedFailing: 0,
      inFlight: 0,
    });
    expect(WEBHOOK_ATTEMPT_OUTCOMES).toEqual([
      'delivered',
      'http_error',
      'timeout',
      'network_error',
      'refused',
    ]);
  });

  it('counts attempts by outcome and files their durations in cumulative buckets', () => {
    const stats = new WebhookDeliveryStats();
    stats.attempted('delivered', 20);
    stats.attempted('delivered', 50);
    stats.attempted('http_error', 300);
    stats.attempted('timeout', 10_004);
    stats.attempted('network_error', 0);
    stats.attempted('refused', 45_000);
    const { attempts, durations } = stats.snapshot();
    expect(attempts).toEqual({
      delivered: 2,
      http_error: 1,
      timeout: 1,
      network_error: 1,
      refused: 1,
    });
    // A bound holds what took at most that long: 50 ms is in the 0.05 s bucket.
    const atMost = Object.fromEntries(
      WEBHOOK_ATTEMPT_DURATION_BUCKETS_SECONDS.map((bound, index) => [
        String(bound),
        durations.buckets[index],
      ]),
    );
    expect(atMost).toEqual({
      '0.05': 3,
      '0.1': 3,
      '0.25': 3,
      '0.5': 4,
      '1': 4,
      '2.5': 4,
      '5': 4,
      '10': 4,
      '15': 5,
      '30': 5,
    });
    // Past the last bound: only in the count (the +Inf bucket).
    expect(durations.count).toBe(6);
    expect(durations.sumSeconds).toBeCloseTo(0.02 + 0.05 + 0.3 + 10.004 + 45, 9);
  });

  it('takes a negative duration (a clock step) as zero', () => {
    const stats = new WebhookDeliveryStats();
    stats.attempted('delivered', -5);
    const { durations } = stats.snapshot();
    expect(durations.sumSeconds).toBe(0);
    expect(durations.buckets[0]).toBe(1);
  });

  it('counts endpoints marked failing and reports the deliveries in flight as last set', () => {
    const stats = new WebhookDeliveryStats();
    stats.endpointMarkedFailing();
    stats.endpointMarkedFailing();
    stats.setInFlight(16);
    stats.setInFlight(3);
    expect(stats.snapshot()).toMatchObject({ endpointsMarkedFailing: 2, inFlight: 3 });
  });

  it('hands out a snapshot that later attempts do not change', () => {
    const stats = new WebhookDeliveryStats();
    const before = stats.snapshot();
    stats.attempted('delivered', 1);
    expect(before.attempts.delivered).toBe(0);
    expect(before.durations.buckets[0]).toBe(0);
    expect(stats.snapshot().attempts.delivered).toBe(1);
  });
});
