import { TestApi } from './support/test-api';

// The server as `npm start` runs it: the built dashboard is served at / and its client-side
// routes fall back to index.html — but never in place of an API, OAuth or discovery answer.
describe('dashboard next to the API', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api.stop();
  });

  it.each(['/', '/sign-in', '/teams/6c1f', '/sso/provisioning'])(
    'serves the dashboard at %s',
    async (path) => {
      const response = await fetch(`${api.baseUrl}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(await response.text()).toContain('<div id="root">');
    },
  );

  it('answers /oauth/jwks with a JWK set, not the dashboard', async () => {
    const response = await fetch(`${api.baseUrl}/oauth/jwks`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/(jwk-set\+)?json/);
    const body = (await response.json()) as { keys: { kty: string; kid: string }[] };
    expect(body.keys.length).toBeGreaterThan(0);
    expect(body.keys[0]).toMatchObject({ kty: 'EC', kid: expect.any(String) });
  });

  it('answers the OAuth metadata document, not the dashboard', async () => {
    const response = await fetch(`${api.baseUrl}/.well-known/oauth-authorization-server`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { token_endpoint: string }).token_endpoint).toMatch(
      /\/oauth\/token$/,
    );
  });

  it.each(['/api/nope', '/scim/v2/Nope', '/oauth/nope', '/.well-known/nope'])(
    'answers an unknown server path %s with an error, never index.html',
    async (path) => {
      const response = await fetch(`${api.baseUrl}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).not.toMatch(/text\/html/);
    },
  );
});
