import { performance } from 'node:perf_hooks';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DATABASE_UNAVAILABLE_LOCAL, type DatabaseUnavailability } from '@rollcall/db';
import { DatabaseAvailability } from '../health/database-availability';
import { HttpMetrics } from './http-metrics';

/** Which edge answered: the label set stays small whatever the path. */
function edgeOf(path: string): string {
  if (path.startsWith('/scim/')) return 'scim';
  if (path.startsWith('/oauth/')) return 'oauth';
  if (path.startsWith('/api/')) return 'api';
  return 'other';
}

@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(
    private readonly metrics: HttpMetrics,
    private readonly availability: DatabaseAvailability,
  ) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = performance.now();
    response.once('finish', () => {
      // The route template, not the URL: ids in paths would explode the label set.
      const template = (request.route as { path?: string } | undefined)?.path;
      const route = template && !template.includes('*') ? template : 'unmatched';
      const seconds = (performance.now() - started) / 1000;
      this.metrics.observe(request.method, route, response.statusCode, seconds);
      const unavailable = response.locals[DATABASE_UNAVAILABLE_LOCAL] as
        DatabaseUnavailability | undefined;
      if (unavailable) {
        this.metrics.countDatabaseUnavailable(edgeOf(request.path), unavailable);
        this.availability.record(unavailable);
      }
    });
    next();
  }
}
