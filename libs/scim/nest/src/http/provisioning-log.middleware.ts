import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { RecordProvisioningRequest } from '@rollcall/audit';
import type { ScimPrincipal } from '@rollcall/organizations';
import type { ScimErrorBody } from '@rollcall/scim-core';

const RESOURCE_PATH = /\/(Users|Groups)(?:\/([^/?]+))?/;
const RESOURCE_TYPES: Record<string, string> = { Users: 'User', Groups: 'Group' };

/**
 * One provisioning-log entry per authenticated SCIM request, taken when the response has
 * gone out. Requests without a valid token belong to no organization and are not logged
 * here (the HTTP log and metrics still count them).
 */
@Injectable()
export class ProvisioningLogMiddleware implements NestMiddleware {
  private readonly logger = new Logger('ProvisioningLog');
  /** Entries lost to a failure while recording them (since start). */
  failures = 0;

  constructor(private readonly record: RecordProvisioningRequest) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      // The answer has gone out; nothing the log does may throw into the event loop.
      try {
        this.recordFinished(request, response, started);
      } catch (error) {
        this.failures += 1;
        this.record.countLost();
        this.logger.error(
          { err: error, requestId: request.id, failures: this.failures },
          'Could not record a provisioning-log entry',
        );
      }
    });
    next();
  }

  private recordFinished(request: Request, response: Response, started: bigint): void {
    const principal = request.user as ScimPrincipal | undefined;
    if (!principal) return;
    const [, collection, pathId] = RESOURCE_PATH.exec(request.path) ?? [];
    const error = response.locals['scimError'] as ScimErrorBody | undefined;
    const resourceId = response.locals['scimResourceId'] as string | undefined;
    this.record.execute({
      organizationId: principal.organizationId,
      tokenPrefix: principal.tokenPrefix,
      requestId: request.id === undefined ? null : String(request.id),
      method: request.method,
      path: request.originalUrl.split('?')[0] ?? request.path,
      filter: typeof request.query['filter'] === 'string' ? request.query['filter'] : null,
      status: response.statusCode,
      scimType: error?.scimType ?? null,
      detail: error?.detail ?? null,
      resourceType: collection ? (RESOURCE_TYPES[collection] ?? null) : null,
      resourceId: resourceId ?? (pathId && pathId !== '.search' ? pathId : null),
      durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      requestBody: request.method === 'GET' ? null : (request.body as unknown),
      at: new Date(),
    });
  }
}
