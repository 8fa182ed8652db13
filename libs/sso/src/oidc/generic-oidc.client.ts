import { Injectable, Logger } from '@nestjs/common';
import {
  custom,
  Issuer,
  type BaseClient,
  type HttpOptions,
  type IdTokenClaims,
  type IssuerMetadata,
} from 'openid-client';
import { OutboundError, OutboundHttp } from '@rollcall/outbound';
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

  private readonly logger = new Logger(GenericOidcClient.name);

  constructor(private readonly outbound: OutboundHttp) {}

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
      // What a refused or failed fetch met (an address, a port's state) stays in the log.
      throw invalidToken(
        settings.displayName,
        error instanceof OutboundError ? new Error('the provider could not be reached') : error,
      );
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
    client[custom.http_options] = this.httpOptions;
    return client;
  }

  private discover(issuerUrl: string): Promise<Issuer<BaseClient>> {
    const cached = this.cache.get(issuerUrl);
    if (cached && Date.now() - cached.at <= DISCOVERY_TTL_MS) return cached.issuer;
    const issuer = this.fetchIssuer(issuerUrl);
    const entry = { at: Date.now(), issuer };
    this.cache.set(issuerUrl, entry);
    // A failed discovery is not kept: the next request tries again.
    issuer.catch(() => {
      if (this.cache.get(issuerUrl) === entry) this.cache.delete(issuerUrl);
    });
    return issuer;
  }

  /**
   * The token endpoint, userinfo and JWKS the provider names are fetched under the outbound
   * policy too (openid-client never follows redirects): a public issuer cannot point Rollcall
   * at an internal address through its discovery document.
   */
  private readonly httpOptions = (url: URL, options: HttpOptions): HttpOptions => ({
    ...options,
    agent: this.outbound.agentFor(url),
    timeout: this.outbound.timeoutMs,
  });

  private async fetchIssuer(issuerUrl: string): Promise<Issuer<BaseClient>> {
    let metadata: IssuerMetadata;
    try {
      // OpenID Connect Discovery §4: the issuer's path, then /.well-known/openid-configuration.
      const document = await this.outbound.getJson(
        `${issuerUrl.replace(/\/+$/, '')}/.well-known/openid-configuration`,
      );
      if (!document || typeof document !== 'object' || Array.isArray(document)) {
        throw new OutboundError('RESPONSE_INVALID', 'the discovery document is not an object');
      }
      metadata = document as IssuerMetadata;
    } catch (error) {
      const reason = error instanceof OutboundError ? error.code : 'unexpected error';
      this.logger.warn({ issuer: issuerUrl, reason }, 'OIDC discovery failed');
      // Generic on purpose: port states, status codes and bodies of what answered stay here.
      throw new SsoError(
        'OIDC_DISCOVERY_FAILED',
        "The issuer's discovery document could not be fetched.",
      );
    }
    if (metadata.issuer !== issuerUrl) {
      throw new SsoError(
        'OIDC_ISSUER_MISMATCH',
        // The admin's input is repeated, never what the document holds.
        `The discovery document of ${JSON.stringify(issuerUrl)} names a different issuer. Enter the issuer exactly as the provider states it.`,
      );
    }
    if (
      typeof metadata.authorization_endpoint !== 'string' ||
      typeof metadata.token_endpoint !== 'string' ||
      typeof metadata.jwks_uri !== 'string'
    ) {
      throw new SsoError(
        'OIDC_DISCOVERY_FAILED',
        'The discovery document lacks an authorization endpoint, token endpoint or jwks_uri.',
      );
    }
    const issuer = new Issuer(metadata);
    issuer[custom.http_options] = this.httpOptions;
    return issuer;
  }
}
