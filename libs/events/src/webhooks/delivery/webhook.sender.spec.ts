import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { OutboundHttp } from '@rollcall/outbound';
import { WebhookSender, attemptOutcomeOf } from './webhook.sender';

// Real POSTs to a listener on loopback: how each kind of ending is reported, and how /metrics
// counts it.

let server: http.Server;
let base = '';
let handler: http.RequestListener = (_req, res) => res.writeHead(204).end();

beforeAll(async () => {
  server = http.createServer((req, res) => handler(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

function aSender(allowPrivateNetwork = true): WebhookSender {
  return new WebhookSender(new OutboundHttp({ allowPrivateNetwork }), {
    retryScheduleMs: [],
    pollIntervalMs: 1_000,
    timeoutMs: 300,
  });
}

const post = (sender: WebhookSender, url: string) =>
  sender.send(url, { 'content-type': 'application/json' }, '{"id":"evt_1"}');

/** A port nothing listens on: one that was just given back. */
async function closedPort(): Promise<number> {
  const probe = http.createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

describe('WebhookSender outcomes', () => {
  it('counts a 2xx as delivered and any other status, a redirect included, as an HTTP error', async () => {
    handler = (_req, res) => res.writeHead(204).end();
    const delivered = await post(aSender(), `${base}/ok`);
    expect(delivered).toMatchObject({ responseStatus: 204, error: null });
    expect(attemptOutcomeOf(delivered)).toBe('delivered');

    for (const status of [500, 302, 404]) {
      handler = (_req, res) => res.writeHead(status, { location: '/elsewhere' }).end('no');
      const answered = await post(aSender(), `${base}/fails`);
      expect(answered).toMatchObject({ responseStatus: status, responseSnippet: 'no' });
      expect(attemptOutcomeOf(answered)).toBe('http_error');
    }
  });

  it('counts a receiver that does not answer within the time cap as a timeout', async () => {
    handler = () => undefined;
    const result = await post(aSender(), `${base}/slow`);
    expect(result).toMatchObject({ responseStatus: null, error: 'timeout' });
    expect(result.durationMs).toBeGreaterThanOrEqual(250);
    expect(attemptOutcomeOf(result)).toBe('timeout');
  });

  it('counts a connection that fails as a network error', async () => {
    const result = await post(aSender(), `http://127.0.0.1:${await closedPort()}/`);
    expect(result).toMatchObject({ responseStatus: null, error: 'network (ECONNREFUSED)' });
    expect(attemptOutcomeOf(result)).toBe('network_error');
  });

  it('counts an address or URL the outbound policy blocks as refused', async () => {
    let reached = false;
    handler = (_req, res) => {
      reached = true;
      res.end();
    };
    const blocked = await post(aSender(false), `${base}/private`);
    expect(blocked).toMatchObject({ responseStatus: null, error: 'refused by policy' });
    expect(attemptOutcomeOf(blocked)).toBe('refused');
    expect(reached).toBe(false);

    const invalid = await post(aSender(), 'ftp://127.0.0.1/');
    expect(invalid).toMatchObject({ responseStatus: null, error: 'invalid URL', durationMs: 0 });
    expect(attemptOutcomeOf(invalid)).toBe('refused');
  });
});
