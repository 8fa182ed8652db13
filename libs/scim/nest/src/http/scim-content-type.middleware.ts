import type { NextFunction, Request, Response } from 'express';
import { SCIM_CONTENT_TYPE } from './scim-error.response';

/**
 * RFC 7644 §3.1: SCIM responses are `application/scim+json`. Set before routing, for every
 * request under the SCIM base path: a middleware costs one call, where an interceptor puts
 * each request through Nest's rxjs pipeline. Errors are written with the same type by
 * writeScimError, and a 204 drops it (Express removes Content-Type from bodiless answers).
 */
export function scimContentType(_request: Request, response: Response, next: NextFunction): void {
  response.type(SCIM_CONTENT_TYPE);
  next();
}
