import {
  createHash,
  createSign,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small Entra-like OpenID provider for the e2e tests, on node:http and node:crypto (RS256).
 * Why not oidc-provider: its issuer is fixed per instance, while Entra's multi-tenant
 * `organizations` discovery advertises the template `…/{tenantid}/v2.0` and each token carries
 * its own tenant's issuer; reproducing that shape (and tampering with single tokens on
 * purpose) is simpler and more faithful here. Like Entra it does not advertise PKCE, but it
 * enforces S256 when a challenge is sent, and it refuses a request without one so a client
 * that forgot PKCE fails the tests.
 */
export interface EmulatedAccount {
  tenantId: string;
  oid: string;
  /** The UPN. */
  preferredUsername: string;
  email?: string;
  /**
   * `xms_edov`: Entra verified the e-mail's domain. Left out of the token when undefined; a
   * string is sent as such (a client must not take "true" for true).
   */
  emailDomainVerified?: boolean | string;
  /** `wids`: directory role template ids. Left out of the token when undefined. */
  wids?: string[];
}

/** Entra's Global Administrator role template id, as `wids` lists it. */
export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
/** A role that may not connect a tenant: User Administrator. */
export const USER_ADMINISTRATOR = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
/** Every member's implicit role: Guest/Member "User" template id as Entra emits it. */
export const DEFAULT_USER_ROLE = 'b79fbf4d-3ef9-4689-8143-76b194e85509';

/** Deliberate faults for the next token response. */
export interface TokenFault {
  issuer?: string;
  audience?: string;
  nonce?: string;
  expired?: boolean;
  badSignature?: boolean;
}

interface IssuedCode {
  account: EmulatedAccount;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string;
}

export class EntraEmulator {
  readonly clientId = 'rollcall-client-id';
  readonly clientSecret = 'rollcall-client-secret';
  /** Who "signs in to Microsoft" on the next authorize request. */
  account?: EmulatedAccount;
  nextFault?: TokenFault;
  /** Every authorize request's query, for assertions on what the client sent. */
  readonly authorizeRequests: URLSearchParams[] = [];
  private readonly codes = new Map<string, IssuedCode>();
  private readonly key: KeyObject;
  private readonly kid = 'emulator-key-1';

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    keys: { privateKey: KeyObject },
  ) {
    this.key = keys.privateKey;
  }

  static async start(): Promise<EntraEmulator> {
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ready: { emulator?: EntraEmulator } = {};
    const server = createServer((req, res) => {
      ready.emulator?.handle(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    ready.emulator = new EntraEmulator(server, `http://127.0.0.1:${port}`, keys);
    return ready.emulator;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  issuerOf(tenantId: string): string {
    return `${this.baseUrl}/${tenantId}/v2.0`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    if (url.pathname === '/organizations/v2.0/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer: `${this.baseUrl}/{tenantid}/v2.0`,
        authorization_endpoint: `${this.baseUrl}/organizations/oauth2/v2.0/authorize`,
        token_endpoint: `${this.baseUrl}/organizations/oauth2/v2.0/token`,
        jwks_uri: `${this.baseUrl}/organizations/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: [
          'client_secret_post',
          'private_key_jwt',
          'client_secret_basic',
        ],
        claims_supported: [
          'sub',
          'iss',
          'aud',
          'exp',
          'iat',
          'nonce',
          'tid',
          'oid',
          'preferred_username',
          'email',
          'xms_edov',
          'wids',
        ],
        tenant_region_scope: null,
      });
    }
    if (url.pathname === '/organizations/discovery/v2.0/keys') {
      const jwk = this.key.export({ format: 'jwk' });
      return json(res, 200, {
        keys: [{ kty: 'RSA', use: 'sig', kid: this.kid, n: jwk.n, e: jwk.e }],
      });
    }
    if (url.pathname === '/organizations/oauth2/v2.0/authorize') return this.authorize(url, res);
    if (url.pathname === '/organizations/oauth2/v2.0/token' && req.method === 'POST') {
      return this.token(new URLSearchParams(await readBody(req)), res);
    }
    return json(res, 404, { error: 'not_found' });
  }

  private authorize(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    this.authorizeRequests.push(q);
    const redirectUri = q.get('redirect_uri') ?? '';
    const refuse = (error: string) => json(res, 400, { error });
    if (q.get('client_id') !== this.clientId) return refuse('unauthorized_client');
    if (q.get('response_type') !== 'code') return refuse('unsupported_response_type');
    if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
      return refuse('invalid_request: PKCE required');
    }
    if (!this.account) return refuse('login_required');
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, {
      account: this.account,
      clientId: this.clientId,
      redirectUri,
      codeChallenge: q.get('code_challenge') ?? '',
      nonce: q.get('nonce') ?? '',
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    target.searchParams.set('state', q.get('state') ?? '');
    res.writeHead(302, { Location: target.toString() }).end();
  }

  private token(body: URLSearchParams, res: ServerResponse): void {
    const code = body.get('code') ?? '';
    const issued = this.codes.get(code);
    // Codes are single use, like Entra's (AADSTS54005).
    this.codes.delete(code);
    if (
      body.get('client_id') !== this.clientId ||
      body.get('client_secret') !== this.clientSecret
    ) {
      return json(res, 401, { error: 'invalid_client' });
    }
    if (!issued || body.get('grant_type') !== 'authorization_code') {
      return json(res, 400, { error: 'invalid_grant' });
    }
    if (body.get('redirect_uri') !== issued.redirectUri) {
      return json(res, 400, { error: 'invalid_grant', error_description: 'redirect_uri' });
    }
    const verifier = body.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (!verifier || challenge !== issued.codeChallenge) {
      return json(res, 400, {
        error: 'invalid_grant',
        error_description: 'PKCE verification failed',
      });
    }
    const fault = this.nextFault ?? {};
    this.nextFault = undefined;
    const now = Math.floor(Date.now() / 1000);
    const iat = fault.expired ? now - 7200 : now;
    const claims = {
      ver: '2.0',
      iss: fault.issuer ?? this.issuerOf(issued.account.tenantId),
      aud: fault.audience ?? issued.clientId,
      sub: `pairwise-${issued.account.oid}`,
      iat,
      nbf: iat,
      exp: iat + 3600,
      nonce: fault.nonce ?? issued.nonce,
      tid: issued.account.tenantId,
      oid: issued.account.oid,
      preferred_username: issued.account.preferredUsername,
      ...(issued.account.email ? { email: issued.account.email } : {}),
      ...(issued.account.emailDomainVerified === undefined
        ? {}
        : { xms_edov: issued.account.emailDomainVerified }),
      ...(issued.account.wids ? { wids: issued.account.wids } : {}),
      name: issued.account.preferredUsername,
    };
    let idToken = this.sign(claims);
    if (fault.badSignature) {
      const [h, p, s] = idToken.split('.');
      const tampered = Buffer.from(p ?? '', 'base64url')
        .toString('utf8')
        .replace(issued.account.oid, '00000000-0000-0000-0000-000000000bad');
      idToken = `${h}.${Buffer.from(tampered).toString('base64url')}.${s}`;
    }
    json(res, 200, {
      token_type: 'Bearer',
      scope: 'openid profile email',
      expires_in: 3600,
      access_token: randomBytes(24).toString('base64url'),
      id_token: idToken,
    });
  }

  private sign(claims: object): string {
    const header = Buffer.from(
      JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: this.kid }),
    ).toString('base64url');
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const signature = createSign('RSA-SHA256')
      .update(`${header}.${payload}`)
      .sign(this.key, 'base64url');
    return `${header}.${payload}.${signature}`;
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
