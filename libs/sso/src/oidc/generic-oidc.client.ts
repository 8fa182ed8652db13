import { Injectable } from '@nestjs/common';
import { custom, Issuer, type BaseClient, type IdTokenClaims } from 'openid-client';
import type { FederatedIdentity } from '../domain/federated-identity';
import { oidcIdentity } from '../domain/oidc-claims';
import { SsoError } from '../domain/sso.error';
import { codeFlowParameters, invalidToken, type CodeFlowRequest } from './code-flow';

/** Seconds of clock skew tolerated on exp/iat/nbf. */
const CLOCK_TOLERANCE_SECONDS = 60;
/** A discovery document is fetched again after this long (keys rotate via JWKS anyway). */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;

/** What Rollcall needs to act as the org's registered client at its provider. */
export interface OidcClientSettings {
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface CodeRedemption {
  code: string;
  /** The callback's RFC 9207 `iss`, when the provider sent one. */
  iss?: string;
  redirectUri: string;
  codeVerifier: string;
  nonce: string;
}

/**
 * Any OpenID Connect provider (Okta, Google Workspace, Keycloak, …) through openid-client,
 * which validates the ID token: signature via the provider's JWKS, `iss`, `aud`, `azp`,
 * `exp`/`iat`, and `nonce`. Only discovery documents are cached in memory; the round trip's
 * state is in the database.
 */
@Injectable()
export class GenericOidcClient {
  private readonly cache = new Map<string, { at: number; issuer: Promise<Issuer<BaseClient>> }>();

  /**
   * Fetches the discovery document now (when a provider is saved) and checks that it names
   * exactly this issuer (OpenID Connect Discovery §4.3): otherwise every token would fail.
   */
  async verify(issuerUrl: string): Promise<void> {
    this.cache.delete(issuerUrl);
    await this.discover(issuerUrl);
  }

  async authorizationUrl(settings: OidcClientSettings, request: CodeFlowRequest): Promise<string> {
    const client = await this.clientOf(settings);
    return client.authorizationUrl(codeFlowParameters(request));
  }

  /** Exchanges the code (with the PKCE verifier) and validates the ID token it returns. */
  async redeem(
    settings: OidcClientSettings,
    redemption: CodeRedemption,
  ): Promise<FederatedIdentity> {
    const client = await this.clientOf(settings);
    let claims: IdTokenClaims;
    try {
      const tokens = await client.callback(
        redemption.redirectUri,
        { code: redemption.code, ...(redemption.iss ? { iss: redemption.iss } : {}) },
        { code_verifier: redemption.codeVerifier, nonce: redemption.nonce, response_type: 'code' },
      );
      if (!tokens.id_token) throw new Error('no id_token in the token response');
      claims = tokens.claims();
    } catch (error) {
      throw invalidToken(settings.displayName, error);
    }
    return oidcIdentity(settings.issuer, claims);
  }

  private async clientOf(settings: OidcClientSettings): Promise<BaseClient> {
    const issuer = await this.discover(settings.issuer);
    const client = new issuer.Client({
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      response_types: ['code'],
    });
    client[custom.clock_tolerance] = CLOCK_TOLERANCE_SECONDS;
    return client;
  }

  private discover(issuerUrl: string): Promise<Issuer<BaseClient>> {
    const cached = this.cache.get(issuerUrl);
    if (cached && Date.now() - cached.at <= DISCOVERY_TTL_MS) return cached.issuer;
    const issuer = fetchIssuer(issuerUrl);
    const entry = { at: Date.now(), issuer };
    this.cache.set(issuerUrl, entry);
    // A failed discovery is not kept: the next request tries again.
    issuer.catch(() => {
      if (this.cache.get(issuerUrl) === entry) this.cache.delete(issuerUrl);
    });
    return issuer;
  }
}

async function fetchIssuer(issuerUrl: string): Promise<Issuer<BaseClient>> {
  let issuer: Issuer<BaseClient>;
  try {
    issuer = await Issuer.discover(issuerUrl);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SsoError(
      'OIDC_DISCOVERY_FAILED',
      `The issuer's discovery document (${issuerUrl}/.well-known/openid-configuration) could not be fetched: ${reason}`,
    );
  }
  const { metadata } = issuer;
  if (metadata.issuer !== issuerUrl) {
    throw new SsoError(
      'OIDC_ISSUER_MISMATCH',
      `The discovery document names the issuer ${JSON.stringify(metadata.issuer)}, not ${JSON.stringify(issuerUrl)}. Enter the issuer exactly as the provider states it.`,
    );
  }
  if (!metadata.authorization_endpoint || !metadata.token_endpoint || !metadata.jwks_uri) {
    throw new SsoError(
      'OIDC_DISCOVERY_FAILED',
      'The discovery document lacks an authorization endpoint, token endpoint or jwks_uri.',
    );
  }
  return issuer;
}
