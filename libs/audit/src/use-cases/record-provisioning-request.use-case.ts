import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import type { ProvisioningRequest } from '../domain/provisioning-request';
import { redactRequestBody } from '../domain/request-body.redactor';
import { ProvisioningLogEntity } from '../persistence/provisioning-log.entity';

const FLUSH_INTERVAL_MS = 250;
const FLUSH_BATCH = 200;
/** If the database is down for long, keep the newest entries rather than all memory. */
const MAX_BUFFERED = 20_000;

/**
 * Records SCIM requests off the request path: entries are buffered and written in batches
 * (one multi-row insert every 250 ms or 200 entries), so the log costs Entra's requests
 * nothing measurable. A crash loses at most the last quarter second of log, never data.
 */
@Injectable()
export class RecordProvisioningRequest implements OnApplicationShutdown {
  private readonly logger = new Logger('ProvisioningLog');
  private buffer: ProvisioningLogEntity[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  execute(request: ProvisioningRequest): void {
    const entry = new ProvisioningLogEntity();
    Object.assign(entry, {
      id: randomUUID(),
      organizationId: request.organizationId,
      tokenPrefix: request.tokenPrefix,
      requestId: request.requestId?.slice(0, 64) ?? null,
      method: request.method,
      path: request.path.slice(0, 2048),
      filter: request.filter?.slice(0, 2048) ?? null,
      status: request.status,
      scimType: request.scimType,
      detail: request.detail?.slice(0, 2048) ?? null,
      resourceType: request.resourceType,
      resourceId: request.resourceId?.slice(0, 64) ?? null,
      durationMs: Math.round(request.durationMs),
      requestBody: redactRequestBody(request.requestBody),
      createdAt: request.at,
    });
    this.buffer.push(entry);
    if (this.buffer.length > MAX_BUFFERED) this.buffer.splice(0, this.buffer.length - MAX_BUFFERED);
    if (this.buffer.length >= FLUSH_BATCH) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS).unref();
  }

  /** Writes everything buffered so far; resolves when it is in the database. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing = this.flushing.then(() => this.writeBuffered());
    return this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  private async writeBuffered(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, FLUSH_BATCH);
      try {
        await inTransaction(this.dataSource, (manager) =>
          manager.insert(ProvisioningLogEntity, batch),
        );
      } catch (error) {
        // Not the request's failure: the SCIM answer went out already. Keep the batch for
        // the next flush unless the database keeps refusing (then MAX_BUFFERED caps memory).
        this.logger.warn(
          { err: error, entries: batch.length },
          'Could not write the provisioning log',
        );
        this.buffer.unshift(...batch);
        this.timer ??= setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS * 20).unref();
        return;
      }
    }
  }
}
