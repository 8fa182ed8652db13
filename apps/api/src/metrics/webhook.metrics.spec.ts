import { Test } from '@nestjs/testing';
import { WebhookDeliveryStats } from '@rollcall/events';
import { HttpMetrics } from './http-metrics';
import { WebhookMetrics } from './webhook.metrics';

// The exposition Prometheus reads, from the dispatcher's plain numbers: names, labels, the
// histogram's cumulative buckets with +Inf, _sum and _count, and values read at each scrape.

async function scrapeOf(): Promise<{ stats: WebhookDeliveryStats; scrape: () => Promise<string> }> {
  const module = await Test.createTestingModule({
    providers: [HttpMetrics, WebhookDeliveryStats, WebhookMetrics],
  }).compile();
  await module.init();
  const metrics = module.get(HttpMetrics);
  return { stats: module.get(WebhookDeliveryStats), scrape: () => metrics.registry.metrics() };
}

const lines = (text: string, prefix: string) =>
  text.split('\n').filter((line) => line.startsWith(prefix));

describe('WebhookMetrics', () => {
  it('shows every series at zero before any delivery', async () => {
    const { scrape } = await scrapeOf();
    const text = await scrape();
    expect(lines(text, 'rollcall_webhook_attempts_total')).toEqual([
      'rollcall_webhook_attempts_total{outcome="delivered"} 0',
      'rollcall_webhook_attempts_total{outcome="http_error"} 0',
      'rollcall_webhook_attempts_total{outcome="timeout"} 0',
      'rollcall_webhook_attempts_total{outcome="network_error"} 0',
      'rollcall_webhook_attempts_total{outcome="refused"} 0',
    ]);
    expect(lines(text, 'rollcall_webhook_attempt_duration_seconds_count')).toEqual([
      'rollcall_webhook_attempt_duration_seconds_count 0',
    ]);
    expect(lines(text, 'rollcall_webhook_endpoints_marked_failing_total')).toEqual([
      'rollcall_webhook_endpoints_marked_failing_total 0',
    ]);
    expect(lines(text, 'rollcall_webhook_deliveries_in_flight')).toEqual([
      'rollcall_webhook_deliveries_in_flight 0',
    ]);
    expect(text).toContain('# TYPE rollcall_webhook_attempt_duration_seconds histogram\n');
    expect(text).toContain('# TYPE rollcall_webhook_attempts_total counter\n');
    expect(text).toContain('# TYPE rollcall_webhook_deliveries_in_flight gauge\n');
    expect(text).toMatch(/# HELP rollcall_webhook_attempts_total \S/);
  });

  it('reads the stats at each scrape', async () => {
    const { stats, scrape } = await scrapeOf();
    await scrape();
    stats.attempted('delivered', 40);
    stats.attempted('http_error', 700);
    stats.attempted('timeout', 10_010);
    stats.attempted('timeout', 31_000);
    stats.endpointMarkedFailing();
    stats.setInFlight(2);
    const text = await scrape();
    expect(text).toContain('rollcall_webhook_attempts_total{outcome="delivered"} 1\n');
    expect(text).toContain('rollcall_webhook_attempts_total{outcome="http_error"} 1\n');
    expect(text).toContain('rollcall_webhook_attempts_total{outcome="timeout"} 2\n');
    expect(lines(text, 'rollcall_webhook_attempt_duration_seconds')).toEqual([
      'rollcall_webhook_attempt_duration_seconds_bucket{le="0.05"} 1',
      'rollcall_webhook_attempt_duration_seconds_bucket{le="0.1"} 1',
      'rollcall_webhook_attempt_duration_seconds_bucket{le="0.25"} 1',
      'rollcall_webhook_attempt_duration_seconds_bucket{le="0.5"} 1',
      'rollcall_webhook_attempt_duration_seconds_bucket{le="1"} 2',
      'rollcall_webhook_attempt_duration_seconds_bucket{le="2.5"} 2',
      'rollcall_webhook_attempt_duration_seconds_bucket{le="5"} 2',
      'rollcall_webhook_attempt_duration_seconds_bucket{le="10"} 2',
      'rollcall_webhook_attempt_duration_seconds_bucket{le="15"} 3',
      'rollcall_webhook_attempt_duration_seconds_bucket{le="30"} 3',
      'rollcall_webhook_attempt_duration_seconds_bucket{le="+Inf"} 4',
      'rollcall_webhook_attempt_duration_seconds_sum 41.75',
      'rollcall_webhook_attempt_duration_seconds_count 4',
    ]);
    expect(text).toContain('rollcall_webhook_endpoints_marked_failing_total 1\n');
    expect(text).toContain('rollcall_webhook_deliveries_in_flight 2\n');
    // Read again, not added again.
    expect(await scrape()).toContain('rollcall_webhook_attempts_total{outcome="timeout"} 2\n');
  });
});
