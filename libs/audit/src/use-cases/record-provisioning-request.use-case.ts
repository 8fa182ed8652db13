import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { sanitizeLogText, sanitizeOptionalLogText } from '../domain/log-text.sanitizer';
import type { ProvisioningRequest } from '../domain/provisioning-request';
import { redactRequestBody } from '../domain/request-body.redactor';
import {
  DEFAULT_QUEUE_OPTIONS,
  type ProvisioningLogQueue,
  type ProvisioningLogQueueStats,
} from '../persistence/provisioning-log.queue';
import { ProvisioningLogStore } from '../persistence/provisioning-log.store';

/** Shutdown waits this long for the log to reach the database, then lets the process go. */
const SHUTDOWN_FLUSH_MS = 5_000;

/**
 * Records SCIM requests off the request path: entries are buffered and written in batches
 * (one multi-row insert every 250 ms or 200 entries), so the log costs Entra's requests
 * nothing measurable. A crash loses at most the last quarter second of log, never data.
 */
export interface ProvisioningLogStats extends ProvisioningLogQueueStats {
  /** Entries lost while being recorded, before they could be queued. */
  droppedBeforeQueue: number;
}

@Injectable()
export class RecordProvisioningRequest implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('ProvisioningLog');
  private readonly queue: ProvisioningLogQueue;
  private lostBeforeQueue = 0;

  constructor(private readonly log: ProvisioningLogStore) {
    this.queue = log.writeBehind({
      ...DEFAULT_QUEUE_OPTIONS,
      warn: (line) => this.logger.warn(line),
    });
  }

  execute(request: ProvisioningRequest): void {
    // Every string is made storable and cut to its column: a value the database refuses
    // would cost its whole batch a retry, and it is the request's trace, not its payload.
    this.queue.enqueue({
      id: randomUUID(),
      organizationId: request.organizationId,
      tokenPrefix: sanitizeOptionalLogText(request.tokenPrefix, 16),
      requestId: sanitizeOptionalLogText(request.requestId, 64),
      method: sanitizeLogText(request.method, 10),
      path: sanitizeLogText(request.path, 2048),
      filter: sanitizeOptionalLogText(request.filter, 2048),
      status: request.status,
      scimType: sanitizeOptionalLogText(request.scimType, 32),
      detail: sanitizeOptionalLogText(request.detail, 2048),
      resourceType: sanitizeOptionalLogText(request.resourceType, 16),
      resourceId: sanitizeOptionalLogText(request.resourceId, 64),
      durationMs: Math.round(request.durationMs),
      requestBody: sanitizeOptionalLogText(redactRequestBody(request.requestBody)),
      createdAt: request.at,
    });
  }

  /** Writes everything buffered so far; resolves when it is in the database (or cannot be). */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  /**
   * An entry that never reached the queue (building it failed after the response went out):
   * counted with the other losses instead of vanishing.
   */
  countLost(): void {
    this.lostBeforeQueue += 1;
  }

  stats(): ProvisioningLogStats {
    return { ...this.queue.stats(), droppedBeforeQueue: this.lostBeforeQueue };
  }

  // Before the HTTP server and the database close: the database is certainly still open.
  async beforeApplicationShutdown(): Promise<void> {
    await this.flushForShutdown();
  }

  // Requests that finished while the server drained were logged after the hook above.
  async onApplicationShutdown(): Promise<void> {
    if (this.log.isOpen()) await this.flushForShutdown();
  }

  private async flushForShutdown(): Promise<void> {
    const left = await this.queue.flushWithin(SHUTDOWN_FLUSH_MS);
    if (left > 0) this.logger.warn(`Provisioning log: ${left} entries not written at shutdown`);
  }
}
