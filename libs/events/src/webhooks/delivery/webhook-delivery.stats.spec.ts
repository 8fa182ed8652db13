import { WEBHOOK_ATTEMPT_OUTCOMES, WebhookDeliveryStats } from './webhook-delivery.stats';

describe('WebhookDeliveryStats', () => {
  it('starts at zero for every outcome', () => {
    expect(new WebhookDeliveryStats().snapshot()).toEqual({
      attempts: { delivered: 0, http_error: 0, timeout: 0, network_error: 0, refused: 0 },
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

  it('counts attempts by outcome and tells its listeners each duration in seconds', () => {
    const stats = new WebhookDeliveryStats();
    const heard: [string, number][] = [];
    stats.onAttempt((outcome, seconds) => heard.push([outcome, seconds]));
    stats.attempted('delivered', 20);
    stats.attempted('delivered', 50);
    stats.attempted('http_error', 300);
    stats.attempted('timeout', 10_004);
    stats.attempted('network_error', 0);
    stats.attempted('refused', 45_000);
    expect(stats.snapshot().attempts).toEqual({
      delivered: 2,
      http_error: 1,
      timeout: 1,
      network_error: 1,
      refused: 1,
    });
    expect(heard).toEqual([
      ['delivered', 0.02],
      ['delivered', 0.05],
      ['http_error', 0.3],
      ['timeout', 10.004],
      ['network_error', 0],
      ['refused', 45],
    ]);
  });

  it('takes a negative duration (a clock step) as zero', () => {
    const stats = new WebhookDeliveryStats();
    const heard: number[] = [];
    stats.onAttempt((_outcome, seconds) => heard.push(seconds));
    stats.attempted('delivered', -5);
    expect(heard).toEqual([0]);
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
    expect(stats.snapshot().attempts.delivered).toBe(1);
  });
});
