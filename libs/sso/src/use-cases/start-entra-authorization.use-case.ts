import { Inject, Injectable } from '@nestjs/common';
import {
  OIDC_AUTHORIZATION_LIFETIME_MS,
  randomToken,
  stateIdOf,
} from '../domain/oidc-authorization.policy';
import { EntraClient } from '../entra/entra.client';
import {
  ENTRA_SSO_OPTIONS,
  entraRedirectUri,
  type EntraSsoOptions,
} from '../entra/entra-sso.options';
import { OidcAuthorizationStore } from '../persistence/oidc-authorization.store';

export type StartEntraAuthorizationCommand =
  { purpose: 'connect'; organizationId: string; adminId: string } | { purpose: 'sign_in' };

export interface StartedAuthorization {
  /** Where to send the browser: Microsoft's authorize endpoint. */
  url: string;
  /** Also set in a short-lived cookie, so the callback is bound to this browser. */
  state: string;
}

/** Starts an authorization-code round trip with PKCE, state and nonce against Entra. */
@Injectable()
export class StartEntraAuthorization {
  constructor(
    private readonly entra: EntraClient,
    private readonly authorizations: OidcAuthorizationStore,
    @Inject(ENTRA_SSO_OPTIONS) private readonly options: EntraSsoOptions,
  ) {}

  async execute(command: StartEntraAuthorizationCommand): Promise<StartedAuthorization> {
    const state = randomToken();
    const nonce = randomToken();
    const codeVerifier = randomToken();
    // Built first: an unconfigured or unreachable Entra fails before anything is stored.
    const url = await this.entra.authorizationUrl({
      redirectUri: entraRedirectUri(this.options, command.purpose),
      state,
      nonce,
      codeVerifier,
      // Connecting asks for consent, the "grant permissions" step of the reference flow.
      prompt: command.purpose === 'connect' ? 'consent' : 'select_account',
    });
    const now = new Date();
    await this.authorizations.save({
      id: stateIdOf(state),
      purpose: command.purpose,
      nonce,
      codeVerifier,
      organizationId: command.purpose === 'connect' ? command.organizationId : null,
      adminId: command.purpose === 'connect' ? command.adminId : null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + OIDC_AUTHORIZATION_LIFETIME_MS),
    });
    return { url, state };
  }
}
