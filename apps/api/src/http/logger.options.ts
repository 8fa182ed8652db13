import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Query-string secrets (an `access_token` some clients append) never reach a log line. */
function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(/([?&](?:access_token|token|code|client_secret)=)[^&]*/gi, '$1[REDACTED]');
}

export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      // Honour a well-formed request id from a proxy, else make one; echoed to the client.
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const incoming = request.headers['x-request-id'];
        const id =
          typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        response.setHeader('X-Request-Id', id);
        return id;
      },
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
