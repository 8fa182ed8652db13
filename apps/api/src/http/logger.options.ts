import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { databaseErrorForLog } from '@rollcall/db';
import type { AppConfig } from '../config/app-config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The path alone: a query string can carry a secret (an `access_token` some clients append,
 * an OAuth `code`) or personal data (a SCIM filter names a userName), and neither belongs in
 * an access log.
 */
function pathOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
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
        // A lean line: who asked for what, and the answer. Headers (helmet's dozen on every
        // response, the client's) are ~1 KB a line and say nothing an operator needs.
        req: (request: { id: unknown; method: string; url?: string }) => ({
          id: request.id,
          method: request.method,
          url: pathOf(request.url),
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      autoLogging: {
        ignore: (request: IncomingMessage) =>
          request.url === '/health' || request.url === '/metrics',
      },
    },
  };
}
