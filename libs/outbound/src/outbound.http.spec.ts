import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupAddress } from 'node:dns';
import type { Resolver } from './guarded.lookup';
import { OutboundHttp } from './outbound.http';

/**
 * A loopback listener that counts connections: a refused fetch must not open one. Only
 * 127.0.0.1 is ever contacted; other addresses appear only as names a fake resolver returns.
 */
let server: http.Server;
let connections = 0;
let port = 0;
let handler: http.RequestListener = (_req, res) => res.end('{"ok":true}');

beforeAll(async () => {
  server = http.createServer((req, res) => handler(req, res));
  server.on('connection', () => (connections += 1));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

beforeEach(() => {
  connections = 0;
  handler = (_req, res) => res.end('{"ok":true}');
});

const table =
  (entries: Record<string, string[]>): Resolver =>
  (hostname, callback) => {
    const addresses = entries[hostname];
    if (!addresses) {
      callback(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }), []);
      return;
    }
    callback(
      null,
      addresses.map((address): LookupAddress => ({
        address,
        family: address.includes(':') ? 6 : 4,
      })),
    );
  };

const strict = (resolver?: Resolver) => new OutboundHttp({ allowPrivateNetwork: false, resolver });

describe('OutboundHttp with the private network closed', () => {
  it.each([
    `http://127.0.0.1:PORT/`,
    `http://2130706433:PORT/`,
    `http://0x7f.0.0.1:PORT/`,
    `http://127.1:PORT/`,
    `http://[::ffff:127.0.0.1]:PORT/`,
    `https://127.0.0.1:PORT/`,
  ])('refuses %s before connecting', async (url) => {
    await expect(strict().getJson(url.replace('PORT', String(port)))).rejects.toMatchObject({
      code: 'ADDRESS_RESTRICTED',
    });
    expect(connections).toBe(0);
  });

  it('refuses a public-looking name that resolves to loopback (checked at connect time)', async () => {
    const outbound = strict(table({ 'idp.example.com': ['127.0.0.1'] }));
    await expect(outbound.getJson(`http://idp.example.com:${port}/`)).rejects.toMatchObject({
      code: 'ADDRESS_RESTRICTED',
    });
    expect(connections).toBe(0);
  });

  it('refuses a name when any of its addresses is restricted', async () => {
    const outbound = strict(table({ 'mixed.example.com': ['93.184.215.14', '127.0.0.1'] }));
    await expect(outbound.getJson(`http://mixed.example.com:${port}/`)).rejects.toMatchObject({
      code: 'ADDRESS_RESTRICTED',
    });
    expect(connections).toBe(0);
  });

  it.each([
    ['a private address', '10.1.2.3'],
    ['the metadata address', '169.254.169.254'],
    ['a CGNAT address', '100.64.1.1'],
    ['an IPv4-mapped loopback', '::ffff:127.0.0.1'],
    ['a unique-local address', 'fd00::1'],
  ])('refuses a name resolving to %s', async (_what, address) => {
    const outbound = strict(table({ 'internal.example.com': [address] }));
    await expect(outbound.getJson(`http://internal.example.com:${port}/`)).rejects.toMatchObject({
      code: 'ADDRESS_RESTRICTED',
    });
    expect(connections).toBe(0);
  });

  it('resolves on every connection, so a name cannot rebind after a check', async () => {
    let answers = 0;
    const counting: Resolver = (_hostname, callback) => {
      answers += 1;
      callback(null, [{ address: '127.0.0.1', family: 4 }]);
    };
    const outbound = strict(counting);
    for (let i = 0; i < 2; i += 1) {
      await expect(outbound.getJson(`http://rebind.example.com:${port}/`)).rejects.toMatchObject({
        code: 'ADDRESS_RESTRICTED',
      });
    }
    // No cached verdict: the lookup the socket connects with is the one that was checked.
    expect(answers).toBe(2);
    expect(connections).toBe(0);
  });

  it('passes the agents to other clients: a plain http.get through them is refused too', async () => {
    const outbound = strict();
    const request = http.get(`http://127.0.0.1:${port}/`, { agent: outbound.httpAgent });
    const [error] = (await once(request, 'error')) as [{ code?: string }];
    expect(error.code).toBe('ADDRESS_RESTRICTED');
    expect(connections).toBe(0);
  });

  it('refuses URLs that are not http(s) or carry credentials', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/', 'http://u:p@example.com/']) {
      await expect(strict().getJson(url)).rejects.toMatchObject({ code: 'URL_INVALID' });
    }
  });
});

describe('OutboundHttp with the private network open (development and tests)', () => {
  const open = (overrides: { maxResponseBytes?: number; timeoutMs?: number } = {}) =>
    new OutboundHttp({ allowPrivateNetwork: true, ...overrides });

  it('fetches a JSON document from loopback', async () => {
    await expect(open().getJson(`http://127.0.0.1:${port}/`)).resolves.toEqual({ ok: true });
    expect(connections).toBe(1);
  });

  it('refuses a redirect without following it', async () => {
    let hits = 0;
    handler = (req, res) => {
      hits += 1;
      res.writeHead(302, { location: `http://127.0.0.1:${port}/elsewhere` }).end();
    };
    await expect(open().getJson(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({
      code: 'REDIRECT_REFUSED',
    });
    expect(hits).toBe(1);
  });

  it('refuses a response larger than the cap, declared or streamed', async () => {
    const big = Buffer.alloc(64 * 1024, 'a');
    handler = (_req, res) => res.end(big);
    await expect(
      open({ maxResponseBytes: 16 * 1024 }).getJson(`http://127.0.0.1:${port}/`),
    ).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      for (let i = 0; i < 8; i += 1) res.write(big);
      res.end();
    };
    await expect(
      open({ maxResponseBytes: 16 * 1024 }).getJson(`http://127.0.0.1:${port}/`),
    ).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
  });

  it('caps the bytes of a connection whatever client reads it', async () => {
    handler = (_req, res) => res.end(Buffer.alloc(64 * 1024, 'a'));
    const outbound = open({ maxResponseBytes: 16 * 1024 });
    const request = http.get(`http://127.0.0.1:${port}/`, { agent: outbound.httpAgent });
    const failure = new Promise<{ code?: string }>((resolve) => {
      request.on('error', resolve);
      request.on('response', (response) => {
        response.on('error', resolve);
        response.resume();
      });
    });
    expect((await failure).code).toBe('RESPONSE_TOO_LARGE');
  });

  it('gives up on a server that never answers', async () => {
    handler = () => undefined;
    await expect(
      open({ timeoutMs: 200 }).getJson(`http://127.0.0.1:${port}/`),
    ).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('reports a non-200 answer and a body that is not JSON by code only', async () => {
    handler = (_req, res) => res.writeHead(500).end('{"issuer":"http://internal.secret"}');
    const status = open().getJson(`http://127.0.0.1:${port}/`);
    await expect(status).rejects.toMatchObject({ code: 'RESPONSE_STATUS' });
    await expect(status).rejects.not.toThrow(/internal\.secret/);
    handler = (_req, res) => res.end('<html>internal admin panel</html>');
    const invalid = open().getJson(`http://127.0.0.1:${port}/`);
    await expect(invalid).rejects.toMatchObject({ code: 'RESPONSE_INVALID' });
    await expect(invalid).rejects.not.toThrow(/admin panel/);
  });
});
