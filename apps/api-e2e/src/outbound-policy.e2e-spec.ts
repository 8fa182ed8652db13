import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ScimFederatedCredentialView } from '@rollcall/contracts';
import { AdminClient } from './support/admin-client';
import { requestToken, type OAuthErrorJson } from './support/oauth-token.client';
import { EntraEmulator, GLOBAL_ADMINISTRATOR } from './support/oidc-emulator/entra-emulator';
import { entraEnv, runMicrosoftFlow } from './support/oidc-emulator/microsoft-flow';
import { TestApi } from './support/test-api';
import { WorkloadIdentityIssuer } from './support/workload-identity-issuer';

// Fetches made on an admin's or an identity provider's say (custom OIDC discovery and the
// endpoints it names, federated-credential discovery and JWKS) follow one policy: loopback,
// private, link-local and metadata addresses are refused before a connection is opened,
// redirects are not followed, answers are capped, and errors say nothing about what answered.
// Every listener here is on loopback; the one private literal is refused before connecting.

jest.setTimeout(60_000);

const GENERIC = "The issuer's discovery document could not be fetched.";

/** A loopback HTTP listener that counts every TCP connection it accepts. */
class Listener {
  connections = 0;

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {
    server.on('connection', () => (this.connections += 1));
  }

  static async start(handler: (listener: Listener) => RequestListener): Promise<Listener> {
    const holder: { listener?: Listener } = {};
    const server = createServer((req, res) => {
      if (holder.listener) handler(holder.listener)(req, res);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    holder.listener = new Listener(server, `http://127.0.0.1:${port}`);
    return holder.listener;
  }

  get port(): number {
    return Number(new URL(this.origin).port);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }
}

/** Answers discovery as a well-formed provider at `origin` would. */
const discoveryOf =
  (issuer: (listener: Listener) => string): ((listener: Listener) => RequestListener) =>
  (listener) =>
  (_req, res) => {
    const iss = issuer(listener);
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        issuer: iss,
        authorization_endpoint: `${iss}/authorize`,
        token_endpoint: `${iss}/token`,
        jwks_uri: `${iss}/jwks`,
      }),
    );
  };

function saveIssuer(admin: AdminClient, issuer: string): Promise<Response> {
  return admin.request('PUT', '/api/sso/oidc', {
    displayName: 'Internal',
    issuer,
    clientId: 'client',
    clientSecret: 'not-a-real-secret',
  });
}

describe('with the private network closed (ALLOW_PRIVATE_NETWORK=false, the default)', () => {
  let api: TestApi;
  let admin: AdminClient;
  let listener: Listener;
  let entra: WorkloadIdentityIssuer;
  let microsoft: EntraEmulator;

  beforeAll(async () => {
    listener = await Listener.start(discoveryOf((l) => l.origin));
    entra = await WorkloadIdentityIssuer.start();
    microsoft = await EntraEmulator.start();
    api = await TestApi.start({ ALLOW_PRIVATE_NETWORK: 'false', ...entraEnv(microsoft) });
    admin = await AdminClient.signIn(api, await api.createOrganization('Closed Network Org'));
  });

  afterAll(async () => {
    await api?.stop();
    await listener?.stop();
    await entra?.stop();
    await microsoft?.stop();
  });

  it("still reaches the operator's ENTRA_AUTHORITY on loopback: configuration, not an admin's say", async () => {
    microsoft.account = {
      tenantId: randomUUID(),
      oid: randomUUID(),
      preferredUsername: `it-${randomUUID()}@contoso.example`,
      wids: [GLOBAL_ADMINISTRATOR],
    };
    const result = await runMicrosoftFlow(api, '/api/sso/microsoft/connect', {
      cookie: admin.cookie,
    });
    expect(result.location).toBe('/sso?connected=microsoft');
  });

  it('refuses custom OIDC issuers on loopback and private addresses with one generic 400, connecting to none', async () => {
    const port = listener.port;
    for (const issuer of [
      `http://127.0.0.1:${port}`,
      `http://localhost:${port}`,
      `https://127.0.0.1:${port}`,
      `https://2130706433:${port}`,
      `https://0x7f.0.0.1:${port}`,
      `https://[::ffff:127.0.0.1]:${port}`,
      `https://[::1]:${port}`,
    ]) {
      const body = await admin.error(saveIssuer(admin, issuer), 400, 'OIDC_DISCOVERY_FAILED');
      expect({ issuer, message: body.message }).toEqual({ issuer, message: GENERIC });
    }
    // The loopback listener saw nothing: each was refused before a socket was opened.
    expect(listener.connections).toBe(0);
    // Only now, with refusal-before-connect shown above, the non-loopback literals.
    for (const issuer of [
      'https://10.20.30.40',
      'https://169.254.169.254/latest',
      'https://100.64.0.1',
      'https://[fd00:ec2::254]',
    ]) {
      const body = await admin.error(saveIssuer(admin, issuer), 400, 'OIDC_DISCOVERY_FAILED');
      expect(body.message).toBe(GENERIC);
    }
    expect(listener.connections).toBe(0);
    const status = await admin.json<{ oidc: unknown }>(admin.get('/api/sso'), 200);
    expect(status.oidc).toBeNull();
  });

  it("refuses a federated credential's discovery and JWKS on loopback, fetching nothing", async () => {
    const refused = async (credential: ScimFederatedCredentialView, subject: string) => {
      const response = await requestToken(api, {
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion: await entra.sign(entra.claims(subject, credential.audience)),
      });
      const text = await response.text();
      expect({
        status: response.status,
        error: (JSON.parse(text) as OAuthErrorJson).error,
      }).toEqual({ status: 400, error: 'invalid_grant' });
      expect(text).not.toContain('127.0.0.1');
    };
    const create = (subject: string, jwksUri?: string) =>
      admin.json<ScimFederatedCredentialView>(
        admin.request('POST', '/api/scim/oauth/federated-credentials', {
          name: 'Loopback issuer',
          issuer: entra.issuer,
          subject,
          ...(jwksUri ? { jwksUri } : {}),
        }),
        201,
      );
    const discovered = randomUUID();
    await refused(await create(discovered), discovered);
    const explicit = randomUUID();
    await refused(await create(explicit, entra.jwksUri), explicit);
    expect(entra.requests).toEqual([]);
  });
});

describe('with the private network open (development and tests)', () => {
  let api: TestApi;
  let admin: AdminClient;
  const listeners: Listener[] = [];

  beforeAll(async () => {
    api = await TestApi.start({ ALLOW_PRIVATE_NETWORK: 'true' });
    admin = await AdminClient.signIn(api, await api.createOrganization('Open Network Org'));
  });

  afterAll(async () => {
    await api?.stop();
    await Promise.all(listeners.map((l) => l.stop()));
  });

  async function listen(handler: (listener: Listener) => RequestListener): Promise<Listener> {
    const listener = await Listener.start(handler);
    listeners.push(listener);
    return listener;
  }

  it('saves a provider on loopback: the switch is what allows it', async () => {
    const idp = await listen(discoveryOf((l) => l.origin));
    await admin.json(saveIssuer(admin, idp.origin), 200);
    expect(idp.connections).toBeGreaterThan(0);
  });

  it('does not follow a redirect, even to an allowed address', async () => {
    const target = await listen(discoveryOf((l) => l.origin));
    const redirecting = await listen(() => (_req, res) => {
      res.writeHead(302, { location: `${target.origin}/.well-known/openid-configuration` }).end();
    });
    const body = await admin.error(
      saveIssuer(admin, redirecting.origin),
      400,
      'OIDC_DISCOVERY_FAILED',
    );
    expect(body.message).toBe(GENERIC);
    expect(redirecting.connections).toBe(1);
    expect(target.connections).toBe(0);
  });

  it('says nothing about what answered: no status, body, port state or foreign issuer', async () => {
    const failing = await listen(() => (_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"issuer":"http://vault.internal.example/banner-7f3a"}');
    });
    const failed = await admin.error(
      saveIssuer(admin, failing.origin),
      400,
      'OIDC_DISCOVERY_FAILED',
    );
    expect(failed.message).toBe(GENERIC);

    const closedPort = await listen(discoveryOf((l) => l.origin));
    const port = closedPort.port;
    await closedPort.stop();
    listeners.splice(listeners.indexOf(closedPort), 1);
    const refused = await admin.error(
      saveIssuer(admin, `http://127.0.0.1:${port}`),
      400,
      'OIDC_DISCOVERY_FAILED',
    );
    expect(refused.message).toBe(GENERIC);

    const foreign = await listen(discoveryOf(() => 'http://vault.internal.example/banner-7f3a'));
    const mismatch = await admin.error(
      saveIssuer(admin, foreign.origin),
      400,
      'OIDC_ISSUER_MISMATCH',
    );
    expect(mismatch.message).not.toContain('vault.internal');
    expect(mismatch.message).not.toContain('banner-7f3a');
  });

  it('refuses a discovery document larger than the cap', async () => {
    const huge = await listen((l) => (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          issuer: l.origin,
          authorization_endpoint: `${l.origin}/authorize`,
          token_endpoint: `${l.origin}/token`,
          jwks_uri: `${l.origin}/jwks`,
          padding: 'x'.repeat(2 * 1024 * 1024),
        }),
      );
    });
    const body = await admin.error(saveIssuer(admin, huge.origin), 400, 'OIDC_DISCOVERY_FAILED');
    expect(body.message).toBe(GENERIC);
  });
});
