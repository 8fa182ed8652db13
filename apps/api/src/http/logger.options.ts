import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { databaseErrorForLog } from '@rollcall/db';
import type { AppConfig } from '../config/app-config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Query-string secrets (an `access_token` some clients append) never reach a log line. */
function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(/([?&](?:access_token|token|code|client_secret)=)[^&]*/gi, '$1[REDACTED]');
}

/**
 * Honours a well-formed request id from a proxy, else makes one; echoed to the client. Kept
 * on the request, so an error answered before the HTTP logger runs carries the same id.
 */
export function assignRequestId(request: IncomingMessage, response: ServerResponse): string {
  const existing = (request as { id?: unknown }).id;
  if (typeof existing === 'string') return existing;
  const incoming = request.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  (request as { id?: unknown }).id = id;
  response.setHeader('X-Request-Id', id);
  return id;
}

export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: assignRequestId,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
        ],
        censor: '[REDACTED]',
      },
      serializers: {
        // A failed statement's parameters (user documents, token hashes) never reach a log line.
        err: (error: unknown) => databaseErrorForLog(error),
        req: (request: { id: unknown; method: string; url?: string; headers: unknown }) => ({
          id: request.id,
          method: request.method,
          url: redactUrl(request.url),
          headers: request.headers,
        }),
      },
      autoLogging: {
        ignore: (request: IncomingMessage) =>
          request.url === '/health' || request.url === '/metrics',
      },
    },
  };
}
