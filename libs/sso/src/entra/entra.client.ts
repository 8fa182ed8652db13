import { Inject, Injectable } from '@nestjs/common';
import { custom, Issuer, type BaseClient, type IdTokenClaims } from 'openid-client';
import { tenantIssuer } from '../domain/entra-issuer';
import { stringClaim } from '../domain/oidc-claims';
import { SsoError } from '../domain/sso.error';
import {
  codeFlowParameters,
  invalidToken as invalid,
  type CodeFlowRequest,
} from '../oidc/code-flow';
import { ENTRA_SSO_OPTIONS, type EntraSsoOptions } from './entra-sso.options';

/** Seconds of clock skew tolerated between Rollcall and Microsoft on exp/iat/nbf. */
const CLOCK_TOLERANCE_SECONDS = 60;
/** The discovery document is fetched again after this long (keys rotate via JWKS anyway). */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;

/** The claims Rollcall uses from a validated Entra ID token. */
export interface EntraIdentity {
  tenantId: string;
  objectId: string;
  /** `preferred_username`: the UPN, which the tenant vouches for. */
  userPrincipalName: string | null;
  /** The `email` claim, and whether Entra verified its domain (`xms_edov`). */
  email: string | null;
  emailVerified: boolean;
  /**
   * `wids`: the directory role template ids the account holds. Only present when the app's
   * manifest asks for them (`groupMembershipClaims` "DirectoryRole" or "All").
   */
  roleIds: string[];
  /** The `name` claim, for a just-in-time created user. */
  name: string | null;
}

interface Discovered {
  issuer: Issuer<BaseClient>;
  client: BaseClient;
}

/**
 * Microsoft Entra's multi-tenant (`organizations`) endpoint, through openid-client. Only a
 * cache of the discovery document lives in memory; every round trip's state is in the database.
 */
@Injectable()
export class EntraClient {
  private cache?: { at: number; discovered: Promise<Discovered> };

  constructor(@Inject(ENTRA_SSO_OPTIONS) private readonly options: EntraSsoOptions) {}

  async authorizationUrl(request: CodeFlowRequest): Promise<string> {
    const { client } = await this.discover();
    return client.authorizationUrl(codeFlowParameters(request));
  }

  /** Exchanges the code (with the PKCE verifier) and validates the ID token it returns. */
  async redeem(
    code: string,
    redirectUri: string,
    codeVerifier: string,
    nonce: string,
  ): Promise<EntraIdentity> {
    const { issuer, client } = await this.discover();
    let idToken: string | undefined;
    try {
      const tokens = await client.grant({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: codeVerifier,
      });
      idToken = tokens.id_token;
    } catch (error) {
      throw invalidToken(error);
    }
    if (!idToken) throw invalidToken(new Error('no id_token in the token response'));
    const claims = await this.validate(issuer, idToken, nonce);
    return toIdentity(claims);
  }

  /**
   * Signature (JWKS), alg, aud, azp, exp/iat/nbf and nonce are checked by openid-client; the
   * issuer rule is ours: a client is made for the tenant the token claims, whose issuer is the
   * template with that `tid` filled in, so a token whose `iss` and `tid` disagree fails.
   */
  private async validate(
    issuer: Issuer<BaseClient>,
    idToken: string,
    nonce: string,
  ): Promise<IdTokenClaims> {
    const expectedIssuer = tenantIssuer(issuer.metadata.issuer, unverifiedTid(idToken));
    if (!expectedIssuer) throw invalidToken(new Error('the ID token has no usable tid'));
    const tenant = new Issuer({ ...issuer.metadata, issuer: expectedIssuer });
    const client = this.clientOf(tenant);
    try {
      // The id_token-only callback path validates the token alone: no code, no access token.
      const validated = await client.callback(
        undefined,
        { id_token: idToken },
        { nonce, response_type: 'id_token' },
      );
      return validated.claims();
    } catch (error) {
      throw invalidToken(error);
    }
  }

  private discover(): Promise<Discovered> {
    const { clientId, clientSecret, authority } = this.options;
    if (!clientId || !clientSecret) {
      return Promise.reject(
        new SsoError(
          'SSO_NOT_CONFIGURED',
          'Sign in with Microsoft is not configured on this server (ENTRA_CLIENT_ID, ENTRA_CLIENT_SECRET).',
        ),
      );
    }
    if (!this.cache || Date.now() - this.cache.at > DISCOVERY_TTL_MS) {
      const discovered = Issuer.discover(
        `${authority}/organizations/v2.0/.well-known/openid-configuration`,
      ).then((issuer) => ({ issuer, client: this.clientOf(issuer) }));
      const entry = { at: Date.now(), discovered };
      this.cache = entry;
      // A failed discovery is not kept: the next request tries again.
      discovered.catch(() => {
        if (this.cache === entry) this.cache = undefined;
      });
    }
    return this.cache.discovered.catch((error: unknown) => {
      throw new SsoError(
        'SSO_PROVIDER_UNAVAILABLE',
        `Microsoft could not be reached: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }

  private clientOf(issuer: Issuer<BaseClient>): BaseClient {
    const client = new issuer.Client({
      client_id: this.options.clientId ?? '',
      client_secret: this.options.clientSecret ?? '',
      id_token_signed_response_alg: 'RS256',
      token_endpoint_auth_method: 'client_secret_post',
    });
    client[custom.clock_tolerance] = CLOCK_TOLERANCE_SECONDS;
    return client;
  }
}

/** Only to pick the tenant whose issuer the token is then validated against. */
function unverifiedTid(idToken: string): unknown {
  const payload = idToken.split('.')[1];
  if (!payload) return undefined;
  try {
    return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { tid?: unknown })
      .tid;
  } catch {
    return undefined;
  }
}

function toIdentity(claims: IdTokenClaims): EntraIdentity {
  const tid = claims['tid'];
  const oid = claims['oid'];
  if (typeof tid !== 'string' || typeof oid !== 'string' || !oid) {
    throw invalidToken(new Error('the ID token lacks tid or oid'));
  }
  const wids: unknown = claims['wids'];
  return {
    tenantId: tid,
    objectId: oid,
    userPrincipalName: stringClaim(claims['preferred_username']),
    email: stringClaim(claims['email']),
    // Entra sends the optional claim as a JSON boolean; anything else is not a verification.
    emailVerified: claims['xms_edov'] === true,
    roleIds: Array.isArray(wids) ? wids.filter((id): id is string => typeof id === 'string') : [],
    name: stringClaim(claims['name']),
  };
}

function invalidToken(error: unknown): SsoError {
  return invalid('Microsoft', error);
}
