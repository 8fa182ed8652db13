import { Inject, Injectable } from '@nestjs/common';
import { EntraClient } from '../entra/entra.client';
import {
  ENTRA_SSO_OPTIONS,
  entraRedirectUri,
  type EntraSsoOptions,
} from '../entra/entra-sso.options';
import { OidcRoundTrip, type StartedAuthorization } from '../oidc/oidc-round-trip';

export type StartEntraAuthorizationCommand =
  | { purpose: 'connect' | 'link_microsoft'; organizationId: string; adminId: string }
  | { purpose: 'sign_in' };

/** Starts an authorization-code round trip with PKCE, state and nonce against Entra. */
@Injectable()
export class StartEntraAuthorization {
  constructor(
    private readonly entra: EntraClient,
    private readonly roundTrip: OidcRoundTrip,
    @Inject(ENTRA_SSO_OPTIONS) private readonly options: EntraSsoOptions,
  ) {}

  execute(command: StartEntraAuthorizationCommand): Promise<StartedAuthorization> {
    const connect = command.purpose === 'connect';
    return this.roundTrip.start(
      {
        purpose: command.purpose,
        organizationId: command.purpose === 'sign_in' ? null : command.organizationId,
        adminId: command.purpose === 'sign_in' ? null : command.adminId,
      },
      (secrets) =>
        this.entra.authorizationUrl({
          ...secrets,
          redirectUri: entraRedirectUri(this.options, command.purpose),
          // Connecting asks for consent, the "grant permissions" step of the reference flow.
          prompt: connect ? 'consent' : 'select_account',
        }),
    );
  }
}
