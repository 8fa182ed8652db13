import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import {
  KEEP_ALIVE_TIMEOUT_MS,
  REQUEST_TIMEOUT_MS,
  applyServerTimeouts,
} from './http-server.lifecycle';

/** Resolves with what the server sent before it closed the connection. */
function rawExchange(port: number, send: string): Promise<{ closed: true; received: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => resolve({ closed: true, received }));
    socket.write(send);
  });
}

describe('applyServerTimeouts', () => {
  let server: Server;
  let port: number;

  beforeEach(async () => {
    server = createServer((_request, response) => response.end('ok'));
    // Short, so the spec need not wait the production 20 s; Node's own check runs every 30 s.
    applyServerTimeouts(server, 300);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('keeps idle keep-alive connections longer than load balancers do, and bounds requests', () => {
    expect(server.keepAliveTimeout).toBe(KEEP_ALIVE_TIMEOUT_MS);
    expect(server.keepAliveTimeout).toBeGreaterThan(60_000);
    expect(server.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
    expect(server.headersTimeout).toBe(300);
  });

  it('drops a connection that sends only blank lines once the headers time is up', async () => {
    await expect(rawExchange(port, '\r\n\r\n')).resolves.toEqual({ closed: true, received: '' });
    // Node alone would hold it until its 30-second connection check: the bound is the test.
  }, 5_000);

  it('drops a connection that never sends anything', async () => {
    await expect(rawExchange(port, '')).resolves.toEqual({ closed: true, received: '' });
  }, 5_000);

  it('serves a client that sends its request in time', async () => {
    const { received } = await rawExchange(
      port,
      'GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
    );
    expect(received).toMatch(/^HTTP\/1\.1 200/);
    expect(received).toMatch(/ok$/);
  });
});
