import { Injectable } from '@nestjs/common';
import { SecretBox } from '@rollcall/crypto';
import { OrganizationLookup } from '@rollcall/organizations';
import { SsoError } from '../domain/sso.error';
import { GenericOidcClient } from '../oidc/generic-oidc.client';
import { oidcClientSettings } from '../oidc/oidc-client-settings';
import { OidcRoundTrip, type StartedAuthorization } from '../oidc/oidc-round-trip';
import { OidcProviderStore } from '../persistence/oidc-provider.store';

export interface StartOidcSignInCommand {
  organizationSlug: string;
  /** The one callback URL of every org (the state says which org a round trip is for). */
  redirectUri: string;
}

/** Starts an authorization-code round trip (PKCE S256, state, nonce) with an org's provider. */
@Injectable()
export class StartOidcSignIn {
  constructor(
    private readonly organizations: OrganizationLookup,
    private readonly providers: OidcProviderStore,
    private readonly client: GenericOidcClient,
    private readonly roundTrip: OidcRoundTrip,
    private readonly secretBox: SecretBox,
  ) {}

  async execute(command: StartOidcSignInCommand): Promise<StartedAuthorization> {
    const organization = await this.organizations.findBySlug(command.organizationSlug);
    const provider = organization && (await this.providers.find(organization.id));
    if (!provider) {
      throw new SsoError(
        'OIDC_PROVIDER_NOT_FOUND',
        'This organization has no single sign-on provider configured.',
      );
    }
    const settings = oidcClientSettings(provider, this.secretBox);
    return this.roundTrip.start(
      { purpose: 'oidc_sign_in', organizationId: provider.organizationId, adminId: null },
      (secrets) =>
        this.client.authorizationUrl(settings, { ...secrets, redirectUri: command.redirectUri }),
    );
  }
}
