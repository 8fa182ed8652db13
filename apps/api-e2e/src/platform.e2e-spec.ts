import { randomUUID } from 'node:crypto';
import { expectScimError } from './support/scim-expectations';
import { TestApi, type TestOrganization } from './support/test-api';

// What operators and every client get regardless of feature: health, metrics, API docs,
// the error shape of each edge, request ids and security headers.

let api: TestApi;
let org: TestOrganization;

beforeAll(async () => {
  api = await TestApi.start();
  org = await api.createOrganization('Platform Org');
});

afterAll(async () => {
  await api.stop();
});

interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of the Prometheus text format (`name{a="b",…} value`), comments skipped. */
function parsePrometheus(text: string): PrometheusSample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
      if (!match) throw new Error(`not a Prometheus sample: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [
          m[1] ?? '',
          m[2] ?? '',
        ]),
      );
      return { name: match[1] ?? '', labels, value: Number(match[3]) };
    });
}

describe('GET /health', () => {
  it('is up with the database up', async () => {
    const response = await fetch(`${api.baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' } },
    });
  });
});

describe('GET /metrics', () => {
  it('counts requests by route template, never by concrete id', async () => {
    const missingId = randomUUID();
    const lookup = await api.scim(org.scimToken, 'GET', `/Users/${missingId}`);
    expect(lookup.status).toBe(404);
    await lookup.arrayBuffer();
    const unknownPath = `/no-such-page-${randomUUID()}`;
    await (await fetch(`${api.baseUrl}${unknownPath}`)).arrayBuffer();

    const response = await fetch(`${api.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain('# TYPE http_requests_total counter');
    expect(text).not.toContain(missingId);
    expect(text).not.toContain(unknownPath);

    const samples = parsePrometheus(text).filter((s) => s.name === 'http_requests_total');
    const lookups = samples.find(
      (s) =>
        s.labels['route'] === '/scim/v2/Users/:id' &&
        s.labels['method'] === 'GET' &&
        s.labels['status'] === '404',
    );
    expect(lookups?.value).toBeGreaterThanOrEqual(1);
  });

  it('exposes the latency histogram and process metrics', async () => {
    const text = await (await fetch(`${api.baseUrl}/metrics`)).text();
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toContain('process_cpu_seconds_total');
  });
});

describe('API documentation', () => {
  it('serves Swagger UI at /api/docs', async () => {
    const response = await fetch(`${api.baseUrl}/api/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/swagger-ui/i);
  });

  it('serves an OpenAPI document with the SCIM paths and a bearer scheme at /api/docs-json', async () => {
    const response = await fetch(`${api.baseUrl}/api/docs-json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components?: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
    };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/scim/v2/Users',
        '/scim/v2/Users/{id}',
        '/scim/v2/ServiceProviderConfig',
        '/scim/v2/Schemas',
        '/scim/v2/ResourceTypes',
        '/health',
        '/oauth/token',
        '/oauth/jwks',
        '/.well-known/oauth-authorization-server',
        '/api/scim/oauth',
        '/api/scim/oauth/clients',
        '/api/scim/oauth/federated-credentials',
        '/api/sso',
        '/api/sso/oidc',
        '/api/sso/policy',
        '/api/auth/oidc/{orgSlug}',
        '/api/auth/oidc/callback',
        '/api/auth/providers/{orgSlug}',
        '/api/auth/member-logout',
      ]),
    );
    expect(Object.values(document.components?.securitySchemes ?? {})).toContainEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
  });
});

describe('errors at the SCIM edge', () => {
  it('answers a body that is not JSON with 400 invalidSyntax and no internals', async () => {
    const response = await api.scim(
      org.scimToken,
      'POST',
      '/Users',
      '{"userName": "ada@contoso.example",',
    );
    const body = await expectScimError(response, 400, 'invalidSyntax');
    expect(JSON.stringify(body)).not.toMatch(/SyntaxError|\n\s+at |node_modules|\.ts:\d+/);
  });

  it('answers a 1.5 MB body with a SCIM 413', async () => {
    const response = await api.scim(org.scimToken, 'POST', '/Users', {
      userName: 'big@contoso.example',
      displayName: 'x'.repeat(1.5 * 1024 * 1024),
    });
    await expectScimError(response, 413);
  });

  it('answers an unknown SCIM endpoint with a SCIM 404', async () => {
    await expectScimError(await api.scim(org.scimToken, 'GET', '/Nope'), 404);
  });
});

describe('errors elsewhere', () => {
  it('answers an unknown route with the admin API error shape and the request id', async () => {
    // Under the API prefix: any other GET path is a dashboard route (index.html).
    const response = await fetch(`${api.baseUrl}/api/no-such-route-${randomUUID()}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: expect.any(String),
      requestId: response.headers.get('x-request-id'),
    });
  });
});

describe('request ids', () => {
  it('gives every response an X-Request-Id', async () => {
    const first = await fetch(`${api.baseUrl}/health`);
    const second = await fetch(`${api.baseUrl}/health`);
    expect(first.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
  });

  it('keeps a well-formed incoming X-Request-Id, on SCIM errors too', async () => {
    const id = `entra-${randomUUID()}`;
    const response = await api.scim(undefined, 'GET', '/Users', undefined, { 'X-Request-Id': id });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-request-id')).toBe(id);
  });

  it('replaces a malformed incoming X-Request-Id', async () => {
    const response = await fetch(`${api.baseUrl}/health`, {
      headers: { 'X-Request-Id': 'not ok; <script>' },
    });
    const echoed = response.headers.get('x-request-id');
    expect(echoed).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
    expect(echoed).not.toContain('script');
  });
});

describe('security headers', () => {
  it.each([
    ['a SCIM response', () => api.scim(org.scimToken, 'GET', '/Users')],
    ['a SCIM error', () => api.scim(undefined, 'GET', '/Users')],
    ['the health check', () => fetch(`${api.baseUrl}/health`)],
    ['an unknown route', () => fetch(`${api.baseUrl}/nope`)],
  ])('sets helmet headers and hides the framework on %s', async (_what, call) => {
    const response = await call();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toEqual(expect.any(String));
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
