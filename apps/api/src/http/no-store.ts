import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const SLASH = 0x2f;

/** What `app.use('/api', …)` matches: `/api` itself or a path below it, in any case. */
export function isAdminApiPath(path: string): boolean {
  return (
    (path.length === 4 || path.charCodeAt(4) === SLASH) && path.slice(0, 4).toLowerCase() === '/api'
  );
}

type HeaderHandler = (request: Request, response: Response, next: NextFunction) => void;

/**
 * The headers every answer starts with, in one middleware: the security headers, and on the
 * admin API `Cache-Control: no-store` — every admin API answer may carry personal data,
 * secrets shown once (tokens, keys) or a CSRF token, so no browser or proxy cache may keep
 * one (RFC 9111 §5.2.2.5). Set before routing, so errors and unknown /api paths are covered
 * too.
 */
export function useResponseHeaders(app: INestApplication, securityHeaders: HeaderHandler): void {
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (isAdminApiPath(request.path)) response.setHeader('Cache-Control', 'no-store');
    securityHeaders(request, response, next);
  });
}
