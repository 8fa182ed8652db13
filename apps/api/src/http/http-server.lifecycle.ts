import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { INestApplication, LoggerService } from '@nestjs/common';

/** Time a client has to send a request's headers (from connecting, or in total). */
export const HEADERS_TIMEOUT_MS = 20_000;
/** Time a client has to send a whole request. */
export const REQUEST_TIMEOUT_MS = 60_000;
/**
 * An idle keep-alive connection is kept longer than load balancers keep theirs (AWS ALB and
 * Azure default to 60 s), so the balancer, not us, closes it: otherwise it may send a request
 * on a connection we are closing at that instant and answer its client 502.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Node checks its own headersTimeout only every 30 s, so a client that connects and sends
 * nothing but blank lines (`\r\n\r\n`, which HTTP/1.1 parsers skip) would hold a socket for
 * up to a minute. Each connection here gets HEADERS_TIMEOUT_MS for its first request's
 * headers; later requests on it are bounded by the keep-alive and request timeouts.
 */
export function applyServerTimeouts(server: Server, headersTimeoutMs = HEADERS_TIMEOUT_MS): void {
  server.headersTimeout = headersTimeoutMs;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  const waiting = new WeakMap<Socket, NodeJS.Timeout>();
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), headersTimeoutMs);
    timer.unref();
    waiting.set(socket, timer);
    socket.once('close', () => clearTimeout(timer));
  });
  server.prependListener('request', (request) => {
    const timer = waiting.get(request.socket);
    if (timer) {
      clearTimeout(timer);
      waiting.delete(request.socket);
    }
  });
}

/**
 * SIGTERM/SIGINT as orchestrators send them: stop accepting; answer requests already in
 * flight (and any that arrive on open keep-alive connections meanwhile) with
 * `Connection: close`; close idle connections; then run the application's shutdown hooks
 * (the provisioning log is flushed, the database closed) and exit 0. Whatever is still
 * open after `timeoutMs` is cut and the process exits 1.
 */
export function exitGracefullyOnSignals(
  app: INestApplication,
  timeoutMs: number,
  logger: LoggerService,
): void {
  const server = app.getHttpServer() as Server;
  let stopping = false;
  server.prependListener('request', (_request, response) => {
    if (stopping && !response.headersSent) response.setHeader('Connection', 'close');
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: draining connections (at most ${timeoutMs} ms)`);
    const deadline = setTimeout(() => {
      logger.warn(`Shutdown deadline of ${timeoutMs} ms passed: closing remaining connections`);
      server.closeAllConnections();
      process.exit(1);
    }, timeoutMs);
    // Connections become idle as their last response (sent with Connection: close) ends or
    // when a response begun before the signal finishes; close them as they do.
    const sweeper = setInterval(() => server.closeIdleConnections(), 100);
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    void drained
      .then(() => {
        clearInterval(sweeper);
        return app.close();
      })
      .then(
        () => {
          clearTimeout(deadline);
          process.exit(0);
        },
        (error: unknown) => {
          logger.error(
            `Shutdown failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
