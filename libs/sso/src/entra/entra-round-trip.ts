import { Inject, Injectable } from '@nestjs/common';
import type { OidcAuthorization, OidcPurpose } from '../domain/oidc-authorization';
import { OidcRoundTrip, type OidcCallback } from '../oidc/oidc-round-trip';
import { EntraClient, type EntraIdentity } from './entra.client';
import { ENTRA_SSO_OPTIONS, entraRedirectUri, type EntraSsoOptions } from './entra-sso.options';

/** What Microsoft sent back to a callback URL. */
export type EntraCallback = OidcCallback;

export interface FinishedRoundTrip {
  authorization: OidcAuthorization;
  identity: EntraIdentity;
}

/** The callback half shared by connect and sign-in: one-time state, code exchange, ID token. */
@Injectable()
export class EntraRoundTrip {
  constructor(
    private readonly entra: EntraClient,
    private readonly roundTrip: OidcRoundTrip,
    @Inject(ENTRA_SSO_OPTIONS) private readonly options: EntraSsoOptions,
  ) {}

  async finish(
    purposes: readonly OidcPurpose[],
    callback: EntraCallback,
  ): Promise<FinishedRoundTrip> {
    const { authorization, code } = await this.roundTrip.take(purposes, callback, 'Microsoft');
    const identity = await this.entra.redeem(
      code,
      entraRedirectUri(this.options, authorization.purpose),
      authorization.codeVerifier,
      authorization.nonce,
    );
    return { authorization, identity };
  }
}
