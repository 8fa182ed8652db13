import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { destination as pinoDestination, stdSerializers, type DestinationStream } from 'pino';
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
  return loggablePath(query < 0 ? url : url.slice(0, query));
}

/**
 * An invitation link's token is its credential (`/invitations/<token>` in the dashboard,
 * `/api/invitations/<token>[/accept]` in the API): a path that holds one is logged with
 * `:token` instead, whether or not a route matched it.
 */
const INVITATION_TOKEN_PATH = /^((?:\/api)?\/invitations\/)[^/]+/i;

/** A request path fit for a log line: without credentials in it. */
export function loggablePath(path: string): string {
  return path.replace(INVITATION_TOKEN_PATH, '$1:token');
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

/** What the access line reads of a request: Express's, or the plain object a spec passes. */
interface LoggedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  originalUrl?: string;
  route?: { path?: unknown };
  user?: { organizationId?: unknown };
  adminSession?: { organization?: { id?: unknown } };
  apiKey?: { organizationId?: unknown };
}

/**
 * The matched route's template (`/scim/v2/Users/:id`), else the path without its query: ids
 * in paths say nothing the request id does not, and the template groups lines by endpoint.
 */
function routeOf(request: LoggedRequest): string | undefined {
  const template = request.route?.path;
  if (typeof template === 'string' && !template.includes('*')) return template;
  return pathOf(request.originalUrl ?? request.url);
}

/** The organization a SCIM token, an admin session or an API key authenticated, if any. */
function organizationOf(request: LoggedRequest): string | undefined {
  for (const id of [
    request.user?.organizationId,
    request.adminSession?.organization?.id,
    request.apiKey?.organizationId,
  ]) {
    if (typeof id === 'string') return id;
  }
  return undefined;
}

/** The access line's fields beyond pino-http's `res` and `responseTime`. */
function accessFields(request: LoggedRequest): Record<string, unknown> {
  const organizationId = organizationOf(request);
  return organizationId === undefined ? { req: request } : { req: request, organizationId };
}

/** A log line is ~200 bytes: 4 KiB gathers a busy moment's lines into one write. */
const LOG_BUFFER_BYTES = 4096;
/** A quiet server's lines still reach stdout within about this long (twice at most). */
const LOG_FLUSH_INTERVAL_MS = 100;
/**
 * What may wait for a stdout that does not drain (a stalled pipe, a full disk behind it):
 * past this the newest lines are dropped rather than the process's memory growing without
 * end or the event loop blocking; stderr says how many, at most once a minute.
 */
const LOG_BUFFER_LIMIT_BYTES = 16 * 1024 * 1024;

export interface BatchedDestination extends DestinationStream {
  flushSync(): void;
}

/**
 * A file descriptor (stdout) or file written asynchronously and in batches (sonic-boom,
 * `sync: false`) instead of one synchronous write per line. pino flushes the buffer synchronously on `exit` (graceful
 * shutdown's `process.exit`, a fatal start failure, an uncaught exception), so ending the
 * process loses no line. The flush timer only writes when a line came since the last write:
 * sonic-boom's own `periodicFlush` writes (empty buffers) ten times a second for ever.
 */
export function batchedDestination(dest: number | string): BatchedDestination {
  const boom = pinoDestination({
    dest,
    sync: false,
    minLength: LOG_BUFFER_BYTES,
    maxLength: LOG_BUFFER_LIMIT_BYTES,
  });
  let dropped = 0;
  boom.on('drop', () => {
    if (dropped === 0) {
      setTimeout(() => {
        process.stderr.write(`log: ${dropped} line(s) dropped, stdout was not draining\n`);
        dropped = 0;
      }, 60_000).unref();
    }
    dropped += 1;
  });
  let pending = false;
  // A write that completes may leave later lines buffered below the minimum: look again.
  boom.on('write', (bytes: number) => {
    if (bytes > 0) pending = true;
  });
  setInterval(() => {
    if (!pending) return;
    pending = false;
    boom.flush();
  }, LOG_FLUSH_INTERVAL_MS).unref();
  return {
    write(line: string) {
      pending = true;
      return boom.write(line);
    },
    flushSync: () => boom.flushSync(),
  };
}

let stdoutDestination: BatchedDestination | undefined;

/** The application's log destination: one per process (the e2e suites start many apps in one). */
export function asyncStdout(): DestinationStream {
  stdoutDestination ??= batchedDestination(1);
  return stdoutDestination;
}

/**
 * Writes out what the logs have buffered, before something else (the first-start banner)
 * writes to stdout directly.
 */
export function flushLogs(): void {
  stdoutDestination?.flushSync();
}

/**
 * pino-http options for the access log and the application's logger; `destination` is where
 * lines go (default: pino's, synchronous stdout).
 */
export function loggerOptions(config: AppConfig, destination?: DestinationStream): Params {
  const options = {
    level: config.logLevel,
    genReqId: assignRequestId,
    // The access line is written by the root logger with fields taken when the response is
    // done (customSuccessObject), so it can name the route that matched and the organization
    // authenticated; the request's own logger (for the application's lines) binds `req`.
    quietResLogger: true,
    // Our serializers read the raw objects: pino-std-serializers' request and response
    // objects (every header, the socket's address) were built per request to be thrown away.
    wrapSerializers: false,
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
      err: (error: unknown) => databaseErrorForLog(stdSerializers.err(error as Error)),
      // A lean line: who asked for what, and the answer. Headers (helmet's dozen on every
      // response, the client's) are ~1 KB a line and say nothing an operator needs.
      req: (request: LoggedRequest) => ({
        id: request.id,
        method: request.method,
        url: routeOf(request),
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    customSuccessObject: (
      request: IncomingMessage,
      _response: ServerResponse,
      logged: Record<string, unknown>,
    ) => ({ ...accessFields(request as LoggedRequest), ...logged }),
    customErrorObject: (
      request: IncomingMessage,
      _response: ServerResponse,
      _error: Error,
      logged: Record<string, unknown>,
    ) => ({ ...accessFields(request as LoggedRequest), ...logged }),
    autoLogging: {
      ignore: (request: IncomingMessage) => request.url === '/health' || request.url === '/metrics',
    },
  };
  return { pinoHttp: destination ? [options, destination] : options };
}
