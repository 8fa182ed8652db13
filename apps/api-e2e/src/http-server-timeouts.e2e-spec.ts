import type { Server } from 'node:http';
import { TestApi } from './support/test-api';

// Slow or idle clients must not hold connections indefinitely, and an idle keep-alive
// connection must outlive a load balancer's (60 s on AWS ALB and Azure) so the balancer closes
// it first. The behaviour itself (a blank-lines client dropped) is in http-server.lifecycle.spec.
describe('HTTP server timeouts of the app', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api.stop();
  });

  it('bounds headers (20 s) and whole requests (60 s), and keeps idle connections 65 s', () => {
    const server = api.app.getHttpServer() as Server;
    expect({
      headersTimeout: server.headersTimeout,
      requestTimeout: server.requestTimeout,
      keepAliveTimeout: server.keepAliveTimeout,
    }).toEqual({ headersTimeout: 20_000, requestTimeout: 60_000, keepAliveTimeout: 65_000 });
  });

  it('answers with keep-alive and its timeout while running', async () => {
    const response = await fetch(`${api.baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('keep-alive')).toBe('timeout=65');
  });
});
