import { TestApi } from './support/test-api';

// A deployment reached over plain http (a VM's http://host:3000, docker compose on a LAN) must
// not be told to upgrade every request to https: the browser would then load no asset at all.
describe.each([
  { publicUrl: 'http://rollcall-vm.test:3000', https: false },
  { publicUrl: 'https://rollcall.example.com', https: true },
])('transport security headers with PUBLIC_URL=$publicUrl', ({ publicUrl, https }) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ PUBLIC_URL: publicUrl });
  });

  afterAll(async () => {
    await api.stop();
  });

  it.each(['/health', '/api/docs', '/scim/v2/ServiceProviderConfig'])(
    'sends HSTS and upgrade-insecure-requests only over https on %s',
    async (path) => {
      const response = await fetch(`${api.baseUrl}${path}`);
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp.includes('upgrade-insecure-requests')).toBe(https);
      expect(response.headers.has('strict-transport-security')).toBe(https);
    },
  );
});
