import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Counter, Gauge, Histogram } from 'prom-client';
import { WEBHOOK_ATTEMPT_OUTCOMES, WebhookDeliveryStats } from '@rollcall/events';
import { HttpMetrics } from './http-metrics';

/**
 * Webhook delivery as seen by Prometheus: counts read from the dispatcher's stats at scrape
 * time and durations observed as attempts end, so the events lib knows nothing of metrics. Each
 * worker counts its own deliveries; under a cluster a scrape reads the sum over the workers.
 */
@Injectable()
export class WebhookMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: HttpMetrics,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    // WebhookDeliveryModule owns the stats; one instance serves the whole app.
    const stats = this.moduleRef.get(WebhookDeliveryStats, { strict: false });
    const registers = [this.metrics.registry];
    new Counter({
      name: 'rollcall_webhook_attempts_total',
      help: 'Webhook delivery attempts by outcome: delivered (2xx), http_error (another status), timeout, network_error, or refused by the outbound policy.',
      labelNames: ['outcome'] as const,
      registers,
      collect() {
        const { attempts } = stats.snapshot();
        this.reset();
        for (const outcome of WEBHOOK_ATTEMPT_OUTCOMES) this.inc({ outcome }, attempts[outcome]);
      },
    });
    const durations = new Histogram({
      name: 'rollcall_webhook_attempt_duration_seconds',
      help: 'How long webhook delivery attempts took, from the request to the answer read (or the failure).',
      // From a receiver next door to past the default 10 s time cap, so attempts cut off by
      // it (a little over 10 s) stand apart.
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
      registers,
    });
    stats.onAttempt((_outcome, seconds) => durations.observe(seconds));
    new Counter({
      name: 'rollcall_webhook_endpoints_marked_failing_total',
      help: 'Webhook endpoints marked failing because a delivery ran out of retries.',
      registers,
      collect() {
        this.reset();
        this.inc(stats.snapshot().endpointsMarkedFailing);
      },
    });
    new Gauge({
      name: 'rollcall_webhook_deliveries_in_flight',
      help: 'Webhook deliveries being attempted right now.',
      registers,
      collect() {
        this.set(stats.snapshot().inFlight);
      },
    });
  }
}
