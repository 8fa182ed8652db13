import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { CreateOrganization } from '@rollcall/organizations';
import { createApp, loadConfig } from '@rollcall/api';
import { ADMIN_DIST } from './global-setup';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestOrganization {
  orgId: string;
  scimToken: string;
  adminEmail: string;
  adminPassword: string;
}

/** A real Rollcall HTTP server on a free port, over a fresh database. */
export class TestApi {
  private constructor(
    readonly app: INestApplication,
    readonly baseUrl: string,
    readonly database: TestDatabase,
  ) {}

  /** `database`: one the test made itself (to reach it through a proxy, say); dropped on stop. */
  static async start(env: Record<string, string> = {}, given?: TestDatabase): Promise<TestApi> {
    const database = given ?? (await createTestDatabase());
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      PORT: '3000',
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      // The suites' identity providers listen on loopback; a test of the outbound policy
      // passes ALLOW_PRIVATE_NETWORK=false.
      ALLOW_PRIVATE_NETWORK: 'true',
      ...database.env,
      ...env,
    });
    // Dashboard included, as `npm start` serves it (the e2e global setup builds it).
    const app = await createApp(config, { adminDirectory: ADMIN_DIST });
    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    return new TestApi(app, `http://127.0.0.1:${port}`, database);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.database.drop();
  }

  async createOrganization(name = 'Test Org'): Promise<TestOrganization> {
    const created = await this.app.get(CreateOrganization).execute({ name, enableScim: true });
    if (!created.scimToken) throw new Error('expected a SCIM token');
    return {
      orgId: created.organization.id,
      scimToken: created.scimToken.token,
      adminEmail: created.adminEmail,
      adminPassword: created.adminPassword,
    };
  }

  /** A SCIM request as Entra sends it. */
  scim(
    token: string | undefined,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return fetch(`${this.baseUrl}/scim/v2${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/scim+json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  }
}
