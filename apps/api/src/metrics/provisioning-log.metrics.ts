import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Counter, Gauge } from 'prom-client';
import { RecordProvisioningRequest } from '@rollcall/audit';
import { HttpMetrics } from './http-metrics';

/**
 * The provisioning log's write-behind queue as seen by Prometheus: read from the recorder at
 * scrape time, so the audit lib knows nothing of metrics.
 */
@Injectable()
export class ProvisioningLogMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: HttpMetrics,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    // The SCIM adapter's module owns the recorder; one instance serves the whole app.
    const recorder = this.moduleRef.get(RecordProvisioningRequest, { strict: false });
    const registers = [this.metrics.registry];
    new Counter({
      name: 'rollcall_provisioning_log_written_total',
      help: 'Provisioning-log entries written to the database.',
      registers,
      collect() {
        this.reset();
        this.inc(recorder.stats().written);
      },
    });
    new Counter({
      name: 'rollcall_provisioning_log_dropped_total',
      help: 'Provisioning-log entries dropped: refused by the database (poison), past the queue bound while it was down (overflow), or lost while being recorded (hook).',
      labelNames: ['reason'] as const,
      registers,
      collect() {
        const { droppedPoison, droppedOverflow, droppedBeforeQueue } = recorder.stats();
        this.reset();
        this.inc({ reason: 'poison' }, droppedPoison);
        this.inc({ reason: 'overflow' }, droppedOverflow);
        this.inc({ reason: 'hook' }, droppedBeforeQueue);
      },
    });
    new Gauge({
      name: 'rollcall_provisioning_log_queue_length',
      help: 'Provisioning-log entries waiting to be written.',
      registers,
      collect() {
        this.set(recorder.stats().queued);
      },
    });
  }
}
