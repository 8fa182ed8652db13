import { performance } from 'node:perf_hooks';
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
    const started = performance.now();
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

  private recordFinished(request: Request, response: Response, started: number): void {
    const principal = request.user as ScimPrincipal | undefined;
    if (!principal) return;
    const [, collection, pathId] = RESOURCE_PATH.exec(request.path) ?? [];
    const url = request.originalUrl;
    const query = url.indexOf('?');
    // Express parses the query string anew on every read of `request.query`.
    const filter = query < 0 ? undefined : (request.query['filter'] as unknown);
    const error = response.locals['scimError'] as ScimErrorBody | undefined;
    const resourceId = response.locals['scimResourceId'] as string | undefined;
    this.record.execute({
      organizationId: principal.organizationId,
      tokenPrefix: principal.tokenPrefix,
      requestId: request.id === undefined ? null : String(request.id),
      method: request.method,
      path: query < 0 ? url : url.slice(0, query),
      filter: typeof filter === 'string' ? filter : null,
      status: response.statusCode,
      scimType: error?.scimType ?? null,
      detail: error?.detail ?? null,
      resourceType: collection ? (RESOURCE_TYPES[collection] ?? null) : null,
      resourceId: resourceId ?? (pathId && pathId !== '.search' ? pathId : null),
      durationMs: performance.now() - started,
      requestBody: request.method === 'GET' ? null : (request.body as unknown),
      at: new Date(),
    });
  }
}
