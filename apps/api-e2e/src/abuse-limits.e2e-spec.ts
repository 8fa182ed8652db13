import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { RateLimiters } from '@rollcall/rate-limit';
import { PurgeExpiredSignInStarts } from '@rollcall/sso';
import { requestToken, type OAuthErrorJson } from './support/oauth-token.client';
import { TestApi, type TestOrganization } from './support/test-api';

// Sign-in runs scrypt (~0.4 s each, four at a time): the bursts below cost a few seconds.
jest.setTimeout(120_000);

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

let nextAddress = 1;
/** A fresh client address, as the trusted loopback proxy reports it (trust proxy = loopback). */
function freshAddress(): string {
  const n = nextAddress++;
  return `203.0.113.${n}`;
}

function login(api: TestApi, email: string, password: string, address: string) {
  return fetch(`${api.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
    body: JSON.stringify({ email, password }),
  });
}

function statuses(responses: Response[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

function retryAfterOf(response: Response): number {
  const value = Number(response.headers.get('retry-after'));
  expect(Number.isInteger(value)).toBe(true);
  expect(value).toBeGreaterThan(0);
  return value;
}

async function expectScimTooManyRequests(response: Response): Promise<void> {
  expect(response.status).toBe(429);
  expect(response.headers.get('content-type')).toMatch(/^application\/scim\+json/);
  retryAfterOf(response);
  expect(await response.json()).toEqual({
    schemas: [SCIM_ERROR],
    status: '429',
    detail: expect.any(String),
  });
}

describe('abuse limits', () => {
  // One namespace per run, so counters of earlier runs or other suites never count here.
  const keyPrefix = `rollcall-e2e-${randomUUID()}`;
  const shared = { REDIS_URL, REDIS_KEY_PREFIX: keyPrefix };
  let replicaA: TestApi;
  let replicaB: TestApi;
  let org: TestOrganization;

  beforeAll(async () => {
    replicaA = await TestApi.start(shared);
    // A second replica of the same deployment: same database, same Redis.
    replicaB = await TestApi.start({ ...shared, ...replicaA.database.env });
    org = await replicaA.createOrganization('Abuse Target');
  });

  afterAll(async () => {
    // B only closes: the database is A's, dropped when A stops.
    await replicaB?.app.close();
    await replicaA?.stop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${keyPrefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  describe('password sign-in', () => {
    it('checks at most 10 of 40 parallel guesses from one address; the admin elsewhere still gets in', async () => {
      const attacker = freshAddress();
      const burst = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          login(replicaA, org.adminEmail, `guess-${i}`, attacker),
        ),
      );
      // Each 401 is a password that was checked; the rest were refused before any hashing.
      expect(statuses(burst)).toEqual({ 401: 10, 429: 30 });
      const refused = burst.find((r) => r.status === 429);
      if (!refused) throw new Error('expected a 429');
      expect(retryAfterOf(refused)).toBeLessThanOrEqual(15 * 60);
      expect(await refused.json()).toEqual({
        statusCode: 429,
        code: 'TOO_MANY_ATTEMPTS',
        message: expect.any(String),
        requestId: expect.any(String),
      });

      // The right password from the attacker's address is refused too: a lockout that let it
      // through would tell the attacker when a guess was right.
      expect((await login(replicaA, org.adminEmail, org.adminPassword, attacker)).status).toBe(429);
      // Not a lock on the account: the real admin, elsewhere, signs in (on either replica).
      expect(
        (await login(replicaB, org.adminEmail, org.adminPassword, freshAddress())).status,
      ).toBe(200);
    });

    it('shares the count between replicas on one Redis', async () => {
      const attacker = freshAddress();
      const onA = await Promise.all(
        Array.from({ length: 6 }, (_, i) => login(replicaA, org.adminEmail, `a-${i}`, attacker)),
      );
      const onB = await Promise.all(
        Array.from({ length: 6 }, (_, i) => login(replicaB, org.adminEmail, `b-${i}`, attacker)),
      );
      expect(statuses([...onA, ...onB])).toEqual({ 401: 10, 429: 2 });
    });

    it('caps one address across e-mails at 50 attempts in 15 minutes', async () => {
      const sprayer = freshAddress();
      // 49 earlier attempts on the app's own counter: 49 real ones would cost 49 scrypt runs.
      const perAddress = replicaA.app.get(RateLimiters).create({
        name: 'login:address',
        rule: { points: 50, durationSeconds: 15 * 60 },
        whenStoreFails: 'count-in-memory',
      });
      for (let i = 0; i < 49; i += 1) await perAddress.consume(sprayer);

      const fiftieth = await login(replicaB, 'sprayed@nowhere.example', 'Winter2025!', sprayer);
      expect(fiftieth.status).toBe(401);
      const blocked = await login(replicaB, org.adminEmail, org.adminPassword, sprayer);
      expect(blocked.status).toBe(429);
      retryAfterOf(blocked);
      expect(
        (await login(replicaB, org.adminEmail, org.adminPassword, freshAddress())).status,
      ).toBe(200);
    });

    it('checks four passwords at a time and refuses what would queue beyond 16', async () => {
      // 60 addresses, one guess each: no address or e-mail limit applies, only the checks.
      // Each check takes a scrypt (≥ 0.4 s): far more arrive than 4 + 16 can finish meanwhile.
      const burst = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          login(replicaA, `nobody-${i}@spray.example`, 'Winter2025!', `198.18.0.${i + 1}`),
        ),
      );
      const counts = statuses(burst);
      expect(Object.keys(counts).sort()).toEqual(['401', '429']);
      const busy = burst.find((r) => r.status === 429);
      if (!busy) throw new Error('expected a 429');
      expect(busy.headers.get('retry-after')).toBe('1');
      expect(await busy.json()).toMatchObject({ statusCode: 429, code: 'TOO_MANY_ATTEMPTS' });
    });

    it('does not hold a successful sign-in against the pair: the window starts afresh', async () => {
      const account = await replicaA.createOrganization('Forgiven');
      const address = freshAddress();
      const failures = (n: number) =>
        Promise.all(
          Array.from({ length: n }, (_, i) =>
            login(replicaA, account.adminEmail, `x-${i}`, address),
          ),
        );
      expect(statuses(await failures(9))).toEqual({ 401: 9 });
      expect(
        (await login(replicaA, account.adminEmail, account.adminPassword, address)).status,
      ).toBe(200);
      // Without the reset these would be attempts 11–19 and refused.
      expect(statuses(await failures(9))).toEqual({ 401: 9 });
    });
  });

  describe('SCIM authentication failures', () => {
    it('answers 429 in the SCIM shape from the 21st failure a minute, counted across replicas', async () => {
      const guesser = freshAddress();
      const headers = { 'X-Forwarded-For': guesser };
      const onA = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          replicaA.scim(`rcs_not-a-real-token-${i}`, 'GET', '/Users', undefined, headers),
        ),
      );
      expect(statuses(onA)).toEqual({ 401: 20 });

      const onB = await replicaB.scim('rcs_still-guessing', 'GET', '/Users', undefined, headers);
      await expectScimTooManyRequests(onB);
      // A missing token is a failure too.
      await expectScimTooManyRequests(
        await replicaB.scim(undefined, 'GET', '/Users', undefined, headers),
      );

      // Entra calls from addresses every tenant shares: a valid token is never refused for
      // someone else's failures.
      const valid = await replicaB.scim(org.scimToken, 'GET', '/Users', undefined, headers);
      expect(valid.status).toBe(200);
    });
  });

  describe('POST /oauth/token', () => {
    it('answers 429 in the RFC 6749 shape after 20 failed client authentications a minute', async () => {
      const guesser = freshAddress();
      const attempt = (i: number) =>
        requestToken(
          replicaA,
          { grant_type: 'client_credentials', client_id: `guess-${i}`, client_secret: 'nope' },
          { 'X-Forwarded-For': guesser },
        );
      const first = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(i)));
      expect(statuses(first)).toEqual({ 401: 20 });

      const refused = await attempt(21);
      expect(refused.status).toBe(429);
      retryAfterOf(refused);
      expect(refused.headers.get('cache-control')).toBe('no-store');
      const body = (await refused.json()) as OAuthErrorJson;
      expect(body).toEqual({ error: 'slow_down', error_description: expect.any(String) });
    });
  });

  describe('authenticated SCIM traffic at the defaults', () => {
    it('never refuses a burst the size Entra sends', async () => {
      const burst = await Promise.all(
        Array.from({ length: 100 }, () => replicaA.scim(org.scimToken, 'GET', '/Users?count=1')),
      );
      expect(statuses(burst)).toEqual({ 200: 100 });
    });
  });
});

describe('configured limits and operator endpoints', () => {
  const METRICS_TOKEN = 'metrics-scrape-token-for-tests';
  let api: TestApi;
  let under: TestOrganization;
  let over: TestOrganization;

  beforeAll(async () => {
    api = await TestApi.start({
      PUBLIC_URL: 'https://rollcall.example.test',
      SCIM_RATE_LIMIT_PER_SECOND: '2',
      SCIM_RATE_LIMIT_BURST: '10',
      SIGN_IN_START_LIMIT: '3',
      METRICS_TOKEN,
      API_DOCS: 'false',
    });
    under = await api.createOrganization('Steady');
    over = await api.createOrganization('Runaway');
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('lets a credential use its rate and burst, then answers 429 in the SCIM shape', async () => {
    // 2 a second + 10 a minute: 12 at once always fit, whatever the window boundaries.
    const within = await Promise.all(
      Array.from({ length: 12 }, () => api.scim(under.scimToken, 'GET', '/Users?count=1')),
    );
    expect(statuses(within)).toEqual({ 200: 12 });

    const runaway = await Promise.all(
      Array.from({ length: 60 }, () => api.scim(over.scimToken, 'GET', '/Users?count=1')),
    );
    const refused = runaway.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(runaway.length - refused.length).toBeLessThan(60);
    await expectScimTooManyRequests(refused[0] as Response);
  });

  it('caps unauthenticated sign-in starts per address', async () => {
    const address = freshAddress();
    const start = (path: string, from = address) =>
      fetch(`${api.baseUrl}${path}`, { headers: { 'X-Forwarded-For': from }, redirect: 'manual' });
    // No provider is configured: each start is answered, and counted, all the same.
    const first = [
      await start('/api/auth/oidc/no-such-org'),
      await start('/api/auth/microsoft'),
      await start('/api/auth/oidc/no-such-org'),
    ];
    expect(first.map((r) => r.status)).not.toContain(429);
    const refused = await start('/api/auth/microsoft');
    expect(refused.status).toBe(429);
    retryAfterOf(refused);
    expect(await refused.json()).toMatchObject({ statusCode: 429, code: 'TOO_MANY_ATTEMPTS' });
    expect((await start('/api/auth/oidc/no-such-org', freshAddress())).status).not.toBe(429);
  });

  it('purges sign-in round trips that expired unfinished', async () => {
    const rows = api.app.get(DataSource).getRepository('oidc_authorizations');
    const now = Date.now();
    const row = (id: string, expiresAt: number) => ({
      id,
      purpose: 'sign_in',
      nonce: 'n',
      codeVerifier: 'v',
      organizationId: null,
      adminId: null,
      createdAt: new Date(expiresAt - 10 * 60_000),
      expiresAt: new Date(expiresAt),
    });
    const expired = randomUUID().replace(/-/g, '');
    const pending = randomUUID().replace(/-/g, '');
    await rows.insert([row(expired, now - 60_000), row(pending, now + 5 * 60_000)]);

    expect(await api.app.get(PurgeExpiredSignInStarts).execute()).toBe(1);
    expect(await rows.countBy({ id: expired })).toBe(0);
    expect(await rows.countBy({ id: pending })).toBe(1);
  });

  it('names the session cookie __Host- when PUBLIC_URL is https, and reads only that name', async () => {
    const signedIn = await login(api, under.adminEmail, under.adminPassword, freshAddress());
    expect(signedIn.status).toBe(200);
    const setCookie = signedIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('__Host-rollcall_session='));
    if (!setCookie) throw new Error('expected a __Host- session cookie');
    const attributes = setCookie.split(';').map((a) => a.trim());
    expect(attributes).toEqual(expect.arrayContaining(['Secure', 'Path=/', 'HttpOnly']));
    expect(setCookie).not.toMatch(/Domain=/i);

    const pair = setCookie.split(';')[0] ?? '';
    const session = (cookie: string) =>
      fetch(`${api.baseUrl}/api/auth/session`, { headers: { Cookie: cookie } });
    expect((await session(pair)).status).toBe(200);
    // The same secret under the bare name (what a sibling subdomain could plant) is not read.
    expect((await session(pair.replace(/^__Host-/, ''))).status).toBe(401);
  });

  it('marks every admin API answer no-store, errors and unknown paths included', async () => {
    const signedIn = await login(api, under.adminEmail, under.adminPassword, freshAddress());
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
    const cookie = (signedIn.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    for (const [path, headers] of [
      ['/api/users', { Cookie: cookie }],
      ['/api/scim-tokens', { Cookie: cookie }],
      ['/api/auth/session', {}],
      ['/api/no-such-endpoint', {}],
    ] as const) {
      const response = await fetch(`${api.baseUrl}${path}`, { headers });
      expect([path, response.headers.get('cache-control')]).toEqual([path, 'no-store']);
    }
  });

  it('serves /metrics only with the METRICS_TOKEN bearer', async () => {
    const scrape = (authorization?: string) =>
      fetch(`${api.baseUrl}/metrics`, {
        headers: authorization ? { Authorization: authorization } : {},
      });
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer wrong-token-of-some-length')).status).toBe(401);
    expect((await scrape(`Basic ${METRICS_TOKEN}`)).status).toBe(401);
    const scraped = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('# HELP');
  });

  it('switches Swagger off with API_DOCS=false', async () => {
    expect((await fetch(`${api.baseUrl}/api/docs-json`)).status).toBe(404);
    expect((await fetch(`${api.baseUrl}/api/docs`)).status).toBe(404);
  });
});

describe('when Redis is unreachable', () => {
  let api: TestApi;
  let org: TestOrganization;

  beforeAll(async () => {
    // Nothing listens on port 1: every counter in Redis fails.
    api = await TestApi.start({
      REDIS_URL: 'redis://127.0.0.1:1',
      SCIM_RATE_LIMIT_PER_SECOND: '1',
    });
    org = await api.createOrganization('Redis Outage');
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('keeps serving SCIM (the generous limit fails open)', async () => {
    const burst = await Promise.all(
      Array.from({ length: 5 }, () => api.scim(org.scimToken, 'GET', '/Users?count=1')),
    );
    expect(statuses(burst)).toEqual({ 200: 5 });
  });

  it('keeps limiting password guesses, counting in memory', async () => {
    const attacker = freshAddress();
    const burst = await Promise.all(
      Array.from({ length: 14 }, (_, i) => login(api, org.adminEmail, `guess-${i}`, attacker)),
    );
    expect(statuses(burst)).toEqual({ 401: 10, 429: 4 });
  });
});

describe('defaults of the operator endpoints', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('serves /metrics and the API docs without configuration', async () => {
    expect((await fetch(`${api.baseUrl}/metrics`)).status).toBe(200);
    const docs = await fetch(`${api.baseUrl}/api/docs-json`);
    expect(docs.status).toBe(200);
    // The limits are documented where integrators look, with the configured values.
    const { info } = (await docs.json()) as { info: { description: string } };
    expect(info.description).toContain('200 requests a second, plus 1000 a minute');
    expect(info.description).toContain('20 failed authentications a minute');
  });
});
