import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  SignJWT,
  UnsecuredJWT,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  type KeyLike,
} from 'jose';
import { CreateFederatedCredential } from '@rollcall/scim-oauth';
import { renewingBearer, requestToken } from './oauth-token.client';
import type { TestApi, TestOrganization } from './test-api';

type Algorithm = 'RS256' | 'ES256' | 'PS256';

interface IssuerKey {
  alg: Algorithm;
  privateKey: KeyLike;
  publicJwk: JWK;
  published: boolean;
}

/**
 * A local issuer acting as Microsoft Entra ID for workload identity federation: it serves
 * `/{tenant}/v2.0/.well-known/openid-configuration` and a JWKS from keys generated here, and
 * signs the JWTs Entra's provisioning service would present at Rollcall's token endpoint.
 */
export class WorkloadIdentityIssuer {
  /** Requests served, by path: proves where Rollcall read the keys from. */
  readonly requests: string[] = [];

  private constructor(
    private readonly server: Server,
    readonly tenantId: string,
    readonly origin: string,
    private readonly keys: Map<string, IssuerKey>,
  ) {}

  /** Starts on a free loopback port with an RS256 key (`rsa-1`) and an ES256 key (`ec-1`). */
  static async start(tenantId: string = randomUUID()): Promise<WorkloadIdentityIssuer> {
    const keys = new Map<string, IssuerKey>();
    await addKey(keys, 'rsa-1', 'RS256', true);
    await addKey(keys, 'ec-1', 'ES256', true);
    // Signs, but is never published: the "unknown kid" of a rotated or forged key.
    await addKey(keys, 'unpublished', 'RS256', false);
    // The handler needs the issuer's URLs, known once the server listens.
    const started: { issuer?: WorkloadIdentityIssuer } = {};
    const server = createServer((request, response) => {
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      const issuer = started.issuer;
      issuer?.requests.push(path);
      const base = `/${tenantId}/v2.0`;
      if (path === `${base}/.well-known/openid-configuration` && issuer) {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(
          JSON.stringify({
            issuer: issuer.issuer,
            jwks_uri: issuer.jwksUri,
            token_endpoint: `${issuer.issuer}/oauth2/v2.0/token`,
            id_token_signing_alg_values_supported: ['RS256'],
          }),
        );
        return;
      }
      if (path === `/${tenantId}/discovery/v2.0/keys`) {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(
          JSON.stringify({
            keys: [...keys.values()].filter((k) => k.published).map((k) => k.publicJwk),
          }),
        );
        return;
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // A suite that never stops it (a shared issuer) must not keep the test process alive.
    server.unref();
    const { port } = server.address() as AddressInfo;
    started.issuer = new WorkloadIdentityIssuer(server, tenantId, `http://127.0.0.1:${port}`, keys);
    return started.issuer;
  }

  /** Entra's v2.0 issuer for the tenant: `https://login.microsoftonline.com/{tenant}/v2.0`. */
  get issuer(): string {
    return `${this.origin}/${this.tenantId}/v2.0`;
  }

  get jwksUri(): string {
    return `${this.origin}/${this.tenantId}/discovery/v2.0/keys`;
  }

  /** Signs exactly these claims with one of the issuer's keys (default `rsa-1`). */
  async sign(claims: JWTPayload, options: { kid?: string; alg?: Algorithm } = {}): Promise<string> {
    const kid = options.kid ?? 'rsa-1';
    const key = this.keys.get(kid);
    if (!key) throw new Error(`no key ${kid}`);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: options.alg ?? key.alg, kid, typ: 'JWT' })
      .sign(key.privateKey);
  }

  /**
   * The claims of a fresh assertion for `subject` and `audience` as Entra issues them (iss,
   * sub, aud, iat, nbf, exp in 10 minutes, a new jti), with overrides; `undefined` drops one.
   */
  claims(subject: string, audience: string, overrides: JWTPayload = {}): JWTPayload {
    const now = Math.floor(Date.now() / 1000);
    const claims: JWTPayload = {
      iss: this.issuer,
      sub: subject,
      aud: audience,
      iat: now,
      nbf: now,
      exp: now + 600,
      jti: randomUUID(),
      tid: this.tenantId,
      ...overrides,
    };
    for (const [name, value] of Object.entries(claims)) {
      if (value === undefined) delete claims[name];
    }
    return claims;
  }

  /** An HS256 JWT: a shared-secret MAC a federated credential must never accept. */
  static signHs256(claims: JWTPayload, secret: string): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .sign(new TextEncoder().encode(secret));
  }

  /** An unsecured JWT (`alg: none`, RFC 7519 §6). */
  static unsigned(claims: JWTPayload): string {
    return new UnsecuredJWT(claims).encode();
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function addKey(
  keys: Map<string, IssuerKey>,
  kid: string,
  alg: Algorithm,
  published: boolean,
): Promise<void> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  keys.set(kid, { alg, privateKey, publicJwk, published });
}

let sharedIssuer: Promise<WorkloadIdentityIssuer> | undefined;

/**
 * The workload identity federation scheme for an organization: one local issuer per test
 * process plays the customer's Entra tenant, the org trusts it for a service principal of its
 * own (through the use case the dashboard calls), and every request carries an access token
 * exchanged for a fresh assertion.
 */
export async function authorizeWithWorkloadIdentity(
  api: TestApi,
  org: TestOrganization,
): Promise<() => Promise<string>> {
  sharedIssuer ??= WorkloadIdentityIssuer.start();
  const issuer = await sharedIssuer;
  const subject = randomUUID();
  const { audience } = await api.app.get(CreateFederatedCredential).execute({
    organizationId: org.orgId,
    name: 'Entra provisioning',
    issuer: issuer.issuer,
    subject,
    actor: 'admin:test@example.com',
  });
  return renewingBearer(async () =>
    requestToken(api, {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: await issuer.sign(issuer.claims(subject, audience)),
    }),
  );
}
