import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Every admin API answer may carry personal data, secrets shown once (tokens, keys) or a CSRF
 * token: no browser or proxy cache may keep one (RFC 9111 §5.2.2.5). Set before routing, so
 * errors and unknown /api paths are covered too.
 */
export function useNoStoreOnApi(app: INestApplication): void {
  app.use('/api', (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
}
