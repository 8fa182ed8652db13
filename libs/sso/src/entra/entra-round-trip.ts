import { Inject, Injectable } from '@nestjs/common';
import { SsoError } from '../domain/sso.error';
import type {
  OidcAuthorizationEntity,
  OidcPurpose,
} from '../persistence/oidc-authorization.entity';
import { OidcAuthorizationStore } from '../persistence/oidc-authorization.store';
import { EntraClient, type EntraIdentity } from './entra.client';
import { ENTRA_SSO_OPTIONS, entraRedirectUri, type EntraSsoOptions } from './entra-sso.options';

/** What Microsoft sent back to a callback URL. */
export interface EntraCallback {
  state?: unknown;
  code?: unknown;
  /** RFC 6749 §4.1.2.1: the user declined consent, or Entra refused. */
  error?: unknown;
}

export interface FinishedRoundTrip {
  authorization: OidcAuthorizationEntity;
  identity: EntraIdentity;
}

/** The callback half shared by connect and sign-in: one-time state, code exchange, ID token. */
@Injectable()
export class EntraRoundTrip {
  constructor(
    private readonly entra: EntraClient,
    private readonly authorizations: OidcAuthorizationStore,
    @Inject(ENTRA_SSO_OPTIONS) private readonly options: EntraSsoOptions,
  ) {}

  async finish(purpose: OidcPurpose, callback: EntraCallback): Promise<FinishedRoundTrip> {
    // The state is spent even when Microsoft reports an error: it can never be replayed.
    const authorization = await this.authorizations.take(callback.state);
    if (!authorization || authorization.purpose !== purpose) {
      throw new SsoError(
        'SSO_STATE_INVALID',
        'This sign-in link is invalid or has expired. Start again.',
      );
    }
    if (callback.error !== undefined) {
      throw new SsoError('SSO_TOKEN_INVALID', 'Microsoft did not complete the sign-in.');
    }
    if (typeof callback.code !== 'string' || !callback.code) {
      throw new SsoError('SSO_TOKEN_INVALID', 'Microsoft sent no authorization code.');
    }
    const identity = await this.entra.redeem(
      callback.code,
      entraRedirectUri(this.options, purpose),
      authorization.codeVerifier,
      authorization.nonce,
    );
    return { authorization, identity };
  }
}
