import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
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
 * A keep-alive connection counts as idle only after this long without a request: one whose
 * client is sending its next request right now looks idle to Node for an instant, and
 * closing it then would reset a request the client believes was sent.
 */
const IDLE_GRACE_MS = 250;

interface ConnectionState {
  active: number;
  idleSince: number;
}

/**
 * SIGTERM/SIGINT as orchestrators send them: stop accepting; answer requests already in
 * flight, and any that arrive on open keep-alive connections meanwhile, with
 * `Connection: close`; close connections once idle; then run the application's shutdown
 * hooks (the provisioning log is flushed, the database closed) and exit 0. Whatever is still
 * open after `timeoutMs` is cut and the process exits 1.
 */
export function exitGracefullyOnSignals(
  app: INestApplication,
  timeoutMs: number,
  logger: LoggerService,
): void {
  const server = app.getHttpServer() as Server;
  let stopping = false;
  const connections = new Map<Socket, ConnectionState>();
  const inFlight = new Set<ServerResponse>();
  server.on('connection', (socket: Socket) => {
    connections.set(socket, { active: 0, idleSince: Date.now() });
    socket.once('close', () => connections.delete(socket));
  });
  server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    const state = connections.get(request.socket);
    if (state) state.active += 1;
    inFlight.add(response);
    if (stopping) response.setHeader('Connection', 'close');
    response.once('close', () => {
      inFlight.delete(response);
      if (state) {
        state.active -= 1;
        state.idleSince = Date.now();
      }
    });
  });

  const closeIdle = () => {
    const now = Date.now();
    for (const [socket, state] of connections) {
      if (state.active === 0 && now - state.idleSince >= IDLE_GRACE_MS) socket.destroy();
    }
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: draining connections (at most ${timeoutMs} ms)`);
    const deadline = setTimeout(() => {
      logger.warn(`Shutdown deadline of ${timeoutMs} ms passed: closing remaining connections`);
      server.closeAllConnections();
      process.exit(1);
    }, timeoutMs);
    for (const response of inFlight) {
      if (!response.headersSent) response.setHeader('Connection', 'close');
    }
    // net.Server's close: stop listening, and call back once every connection has ended.
    // (http.Server's own close would also drop "idle" connections at once; see IDLE_GRACE_MS.)
    const drained = new Promise<void>((resolve) =>
      NetServer.prototype.close.call(server, () => resolve()),
    );
    closeIdle();
    const sweeper = setInterval(closeIdle, 50);
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
  // Kept, not once: a signal can come twice (systemd and `kill -- -pgid` signal the whole
  // process group, and a cluster primary forwards its own), and an unhandled second one would
  // kill the process mid-drain.
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
