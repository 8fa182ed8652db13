import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import {
  WEBHOOK_ATTEMPT_DURATION_BUCKETS_SECONDS,
  WEBHOOK_ATTEMPT_OUTCOMES,
  WebhookDeliveryStats,
  type WebhookAttemptDurations,
} from '@rollcall/events';
import { HttpMetrics } from './http-metrics';

/** One line of a histogram's exposition, in the shape prom-client's own histograms give. */
interface HistogramLine {
  metricName: string;
  labels: Record<string, string | number>;
  sharedLabels: Record<string, never>;
  value: number;
}

/**
 * A histogram whose buckets are counted elsewhere and read at scrape time. prom-client can
 * only observe values one by one, so the lines are built here: the registry renders what
 * `getForPromString()` returns (its `get()` reads the same), as it does for any histogram.
 */
class ReadOnlyHistogram extends Histogram {
  constructor(
    private readonly config: { name: string; help: string; registers: Registry[] },
    private readonly read: () => WebhookAttemptDurations,
  ) {
    super({ ...config, buckets: [...WEBHOOK_ATTEMPT_DURATION_BUCKETS_SECONDS] });
  }

  getForPromString(): Promise<{
    name: string;
    help: string;
    type: 'histogram';
    aggregator: 'sum';
    values: HistogramLine[];
  }> {
    const { buckets, sumSeconds, count } = this.read();
    const { name, help } = this.config;
    const line = (suffix: string, value: number, le?: string | number): HistogramLine => ({
      metricName: `${name}${suffix}`,
      labels: le === undefined ? {} : { le },
      sharedLabels: {},
      value,
    });
    const values = [
      ...WEBHOOK_ATTEMPT_DURATION_BUCKETS_SECONDS.map((bound, index) =>
        line('_bucket', buckets[index] ?? 0, bound),
      ),
      line('_bucket', count, '+Inf'),
      line('_sum', sumSeconds),
      line('_count', count),
    ];
    return Promise.resolve({ name, help, type: 'histogram', aggregator: 'sum', values });
  }
}

/**
 * Webhook delivery as seen by Prometheus: read from the dispatcher's stats at scrape time, so
 * the events lib knows nothing of metrics. Like every series here, each worker reports its
 * own deliveries (a scrape is answered by one of them).
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
    new ReadOnlyHistogram(
      {
        name: 'rollcall_webhook_attempt_duration_seconds',
        help: 'How long webhook delivery attempts took, from the request to the answer read (or the failure).',
        registers,
      },
      () => stats.snapshot().durations,
    );
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
