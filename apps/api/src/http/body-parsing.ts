import { Logger, type INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { writeEdgeError } from './edge-error.writer';

/**
 * JSON bodies (SCIM clients send `application/scim+json`, RFC 7644 §3.1; Entra sometimes
 * plain `application/json`) up to a limit. Parse failures never reach a controller, so they
 * are answered here in the edge's error shape: invalid JSON → 400 invalidSyntax, too big → 413.
 */
export function useBodyParsing(app: INestApplication, maxBodyBytes: number): void {
  const logger = new Logger('Http');
  app.use(
    express.json({
      limit: maxBodyBytes,
      type: ['application/json', 'application/scim+json', 'application/*+json'],
    }),
  );
  app.use(express.urlencoded({ extended: false, limit: maxBodyBytes }));
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    writeEdgeError(error, request, response, logger);
  });
}
