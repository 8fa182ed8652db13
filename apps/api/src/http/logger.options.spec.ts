import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp, type Options } from 'pino-http';
import { QueryFailedError } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { loggablePath, loggerOptions } from './logger.options';

// The access log must never carry a credential: Entra's bearer token, the admin session
// cookie, a CSRF token, or a token some client put in the query string.

function httpOptions(): Options {
  const { pinoHttp: options } = loggerOptions(loadConfig({ LOG_LEVEL: 'info' }));
  if (!options || Array.isArray(options) || !('level' in options)) {
    throw new Error('expected pino-http options');
  }
  return options as Options;
}

interface LoggedRequest {
  statusCode: number;
  requestId: string | undefined;
  lines: string[];
}

/** One request through a server that logs with our options into memory. */
async function logOneRequest(
  path: string,
  headers: Record<string, string>,
  respond: (res: import('node:http').ServerResponse) => void = (res) => res.end('ok'),
): Promise<LoggedRequest> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = pinoHttp(httpOptions(), sink);
  const server: Server = createServer((req, res) => {
    logger(req, res);
    respond(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const answer = await new Promise<{ statusCode: number; requestId: string | undefined }>(
      (resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
          res.resume();
          res.on('end', () =>
            resolve({
              statusCode: res.statusCode ?? 0,
              requestId: res.headers['x-request-id'] as string | undefined,
            }),
          );
        });
        req.on('error', reject);
        req.end();
      },
    );
    // pino-http logs on the response's `finish`, which may come after the client's `end`.
    while (!lines.some((line) => line.includes('"res"'))) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { ...answer, lines };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('loggerOptions', () => {
  it('redacts the authorization and cookie headers, the CSRF token and set-cookie', () => {
    const { redact } = httpOptions();
    const paths = Array.isArray(redact) ? redact : (redact?.paths ?? []);
    expect(paths).toEqual(
      expect.arrayContaining([
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ]),
    );
  });

  it.each([
    ['/scim/v2/Users?access_token=s3cret&filter=x', '/scim/v2/Users'],
    ['/cb?state=1&code=s3cret', '/cb'],
    ['/scim/v2/Users?filter=userName%20eq%20%22ada%40example.com%22', '/scim/v2/Users'],
    ['/scim/v2/Users/2819c223', '/scim/v2/Users/2819c223'],
  ])('logs the path of %s without its query string', (url, logged) => {
    const serializer = httpOptions().serializers?.['req'] as
      ((req: unknown) => { url?: string }) | undefined;
    expect(serializer).toBeDefined();
    const serialized = serializer?.({ id: '1', method: 'GET', url, headers: {} });
    expect(serialized?.url).toBe(logged);
  });

  it('writes access log lines without any credential', async () => {
    const { lines } = await logOneRequest(
      '/scim/v2/Users?access_token=query-s3cret&filter=x',
      {
        Authorization: 'Bearer rcs_header-s3cret',
        Cookie: 'rollcall_session=cookie-s3cret',
        'X-CSRF-Token': 'csrf-s3cret',
      },
      (res) => {
        res.setHeader('Set-Cookie', 'rollcall_session=set-cookie-s3cret; HttpOnly');
        res.end('ok');
      },
    );
    const log = lines.join('\n');
    expect(log).toContain('"url":"/scim/v2/Users"');
    expect(log).not.toMatch(/s3cret|access_token|filter=/);
    // Lean: no request or response headers at all.
    const access = JSON.parse(lines.find((line) => line.includes('"res"')) ?? '{}') as {
      req?: Record<string, unknown>;
      res?: Record<string, unknown>;
    };
    expect(Object.keys(access.req ?? {}).sort()).toEqual(['id', 'method', 'url']);
    expect(access.res).toEqual({ statusCode: 200 });
  });

  it('keeps a well-formed incoming request id and replaces a malformed one', async () => {
    const kept = await logOneRequest('/x', { 'X-Request-Id': 'entra-0f3c.1_a' });
    expect(kept.requestId).toBe('entra-0f3c.1_a');
    expect(kept.lines.join('\n')).toContain('"id":"entra-0f3c.1_a"');

    const replaced = await logOneRequest('/x', { 'X-Request-Id': 'bad id with spaces' });
    expect(replaced.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(replaced.lines.join('\n')).toContain(`"id":"${replaced.requestId ?? ''}"`);
  });

  it('logs a failed statement without its parameters or the values PostgreSQL quotes', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const { logger } = pinoHttp(httpOptions(), sink);
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: 'Key (token_hash)=(hash-s3cret) already exists.',
    });
    const failed = new QueryFailedError(
      'INSERT INTO users (document) VALUES ($1)',
      ['{"password":"document-s3cret"}'],
      driverError,
    );
    logger.error({ err: failed, requestId: 'r1' }, 'SCIM request failed unexpectedly');
    const log = lines.join('\n');
    expect(log).toContain('INSERT INTO users (document) VALUES ($1)');
    expect(log).toContain('23505');
    expect(log).not.toMatch(/s3cret/);
  });

  it('does not log health and metrics scrapes', () => {
    const autoLogging = httpOptions().autoLogging;
    const ignore = typeof autoLogging === 'object' ? autoLogging.ignore : undefined;
    const asRequest = (url: string) => ({ url }) as Parameters<NonNullable<typeof ignore>>[0];
    expect(ignore?.(asRequest('/health'))).toBe(true);
    expect(ignore?.(asRequest('/metrics'))).toBe(true);
    expect(ignore?.(asRequest('/scim/v2/Users'))).toBe(false);
  });

  it('logs the matched route template rather than the ids in the path', () => {
    const serializer = httpOptions().serializers?.['req'] as
      ((req: unknown) => { url?: string }) | undefined;
    const url = '/scim/v2/Users/2819c223?attributes=userName';
    expect(serializer?.({ url, route: { path: '/scim/v2/Users/:id' } })?.url).toBe(
      '/scim/v2/Users/:id',
    );
    // A catch-all says less than the path it caught.
    expect(serializer?.({ url, route: { path: '/{*path}' } })?.url).toBe('/scim/v2/Users/2819c223');
  });

  it.each([
    ['the dashboard page', '/invitations/inv-s3cret-Token_1', '/invitations/:token'],
    ['the preview', '/api/invitations/inv-s3cret-Token_1?x=1', '/api/invitations/:token'],
    [
      'an unmatched path under it',
      '/api/invitations/inv-s3cret-Token_1/accept/extra',
      '/api/invitations/:token/accept/extra',
    ],
  ])('never logs an invitation token: %s', async (_what, path, logged) => {
    const { lines } = await logOneRequest(path, {});
    const log = lines.join('\n');
    expect(log).toContain(`"url":"${logged}"`);
    expect(log).not.toMatch(/s3cret/);
  });

  it('keeps the path of an admin-side invitation id, which is no credential', () => {
    expect(loggablePath('/api/admins/invitations/5b1f')).toBe('/api/admins/invitations/5b1f');
    expect(loggablePath('/invitations/abc/def')).toBe('/invitations/:token/def');
    expect(loggablePath('/teams/invitations/abc')).toBe('/teams/invitations/abc');
  });

  /** The access line for one request the caller left `authenticated` on, as a guard would. */
  async function accessLine(authenticated: Record<string, unknown>): Promise<string[]> {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const logger = pinoHttp(httpOptions(), sink);
    const server: Server = createServer((req, res) => {
      logger(req, res);
      // What routing and the guard leave on the request by the time it is answered.
      Object.assign(req, { route: { path: '/scim/v2/Users/:id' }, ...authenticated });
      res.statusCode = 404;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/scim/v2/Users/2819c223?filter=x`);
      while (!lines.some((line) => line.includes('"res"'))) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    return lines;
  }

  it('writes one lean access line with the route, status, duration and organization', async () => {
    const lines = await accessLine({ user: { organizationId: 'org-1', tokenPrefix: 'rcs_abc' } });
    expect(lines).toHaveLength(1);
    const access = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(access).toMatchObject({
      req: { method: 'GET', url: '/scim/v2/Users/:id' },
      res: { statusCode: 404 },
      organizationId: 'org-1',
      responseTime: expect.any(Number),
    });
    expect(lines[0]).not.toMatch(/2819c223|rcs_abc|filter/);
  });

  it.each([
    ['an admin session', { adminSession: { organization: { id: 'org-2' } } }],
    ['an API key', { apiKey: { organizationId: 'org-2', name: 'billing-sync' } }],
  ])('names the organization of %s', async (_caller, authenticated) => {
    const [line] = await accessLine(authenticated);
    expect(JSON.parse(line ?? '{}')).toMatchObject({ organizationId: 'org-2' });
    expect(line).not.toMatch(/billing-sync/);
  });
});
