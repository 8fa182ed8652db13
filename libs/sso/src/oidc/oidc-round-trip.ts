import { Injectable } from '@nestjs/common';
import type { OidcAuthorization, OidcPurpose } from '../domain/oidc-authorization';
import {
  OIDC_AUTHORIZATION_LIFETIME_MS,
  randomToken,
  stateIdOf,
} from '../domain/oidc-authorization.policy';
import { SsoError } from '../domain/sso.error';
import { OidcAuthorizationStore } from '../persistence/oidc-authorization.store';
import type { RoundTripSecrets } from './code-flow';

/** What the provider sent back to a callback URL. */
export interface OidcCallback {
  state?: unknown;
  code?: unknown;
  /** RFC 6749 §4.1.2.1: the user declined consent, or the provider refused. */
  error?: unknown;
  /**
   * RFC 9207: the issuer of the response, from providers that advertise
   * `authorization_response_iss_parameter_supported`; openid-client then requires and checks it.
   */
  iss?: unknown;
}

export interface RoundTripScope {
  purpose: OidcPurpose;
  organizationId: string | null;
  adminId: string | null;
}

export interface StartedAuthorization {
  /** Where to send the browser: the provider's authorize endpoint. */
  url: string;
  /** Also set in a short-lived cookie, so the callback is bound to this browser. */
  state: string;
}

export interface ReturnedAuthorization {
  authorization: OidcAuthorization;
  code: string;
}

/**
 * Both halves of an authorization-code round trip that do not depend on the provider: fresh
 * `state`, `nonce` and PKCE verifier kept in the database (any replica finishes it), and a
 * callback that spends its state exactly once before anything else is looked at.
 */
@Injectable()
export class OidcRoundTrip {
  constructor(private readonly authorizations: OidcAuthorizationStore) {}

  async start(
    scope: RoundTripScope,
    authorizationUrl: (secrets: RoundTripSecrets) => Promise<string>,
  ): Promise<StartedAuthorization> {
    const secrets: RoundTripSecrets = {
      state: randomToken(),
      nonce: randomToken(),
      codeVerifier: randomToken(),
    };
    // Built first: an unconfigured or unreachable provider fails before anything is stored.
    const url = await authorizationUrl(secrets);
    const now = new Date();
    await this.authorizations.save({
      id: stateIdOf(secrets.state),
      purpose: scope.purpose,
      nonce: secrets.nonce,
      codeVerifier: secrets.codeVerifier,
      organizationId: scope.organizationId,
      adminId: scope.adminId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + OIDC_AUTHORIZATION_LIFETIME_MS),
    });
    return { url, state: secrets.state };
  }

  /** `purposes`: what this callback URL may finish (one redirect URI serves several). */
  async take(
    purposes: readonly OidcPurpose[],
    callback: OidcCallback,
    providerName: string,
  ): Promise<ReturnedAuthorization> {
    // The state is spent even when the provider reports an error: it can never be replayed.
    const authorization = await this.authorizations.take(callback.state);
    if (!authorization || !purposes.includes(authorization.purpose)) {
      throw new SsoError(
        'SSO_STATE_INVALID',
        'This sign-in link is invalid or has expired. Start again.',
      );
    }
    if (callback.error !== undefined) {
      throw new SsoError('SSO_TOKEN_INVALID', `${providerName} did not complete the sign-in.`);
    }
    if (typeof callback.code !== 'string' || !callback.code) {
      throw new SsoError('SSO_TOKEN_INVALID', `${providerName} sent no authorization code.`);
    }
    return { authorization, code: callback.code };
  }
}
