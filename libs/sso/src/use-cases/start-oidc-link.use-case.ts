import { Injectable } from '@nestjs/common';
import { SecretBox } from '@rollcall/crypto';
import { SsoError } from '../domain/sso.error';
import { GenericOidcClient } from '../oidc/generic-oidc.client';
import { oidcClientSettings } from '../oidc/oidc-client-settings';
import { OidcRoundTrip, type StartedAuthorization } from '../oidc/oidc-round-trip';
import { OidcProviderStore } from '../persistence/oidc-provider.store';

export interface StartOidcLinkCommand {
  organizationId: string;
  adminId: string;
  /** The one callback URL of every org; the state says it is a link. */
  redirectUri: string;
}

/**
 * "Link my account" (and "Test & link" after saving the provider): a round trip with the org's
 * custom provider, bound to the signed-in admin, whose callback links the account to them.
 */
@Injectable()
export class StartOidcLink {
  constructor(
    private readonly providers: OidcProviderStore,
    private readonly client: GenericOidcClient,
    private readonly roundTrip: OidcRoundTrip,
    private readonly secretBox: SecretBox,
  ) {}

  async execute(command: StartOidcLinkCommand): Promise<StartedAuthorization> {
    const provider = await this.providers.find(command.organizationId);
    if (!provider) {
      throw new SsoError(
        'OIDC_PROVIDER_NOT_FOUND',
        'This organization has no single sign-on provider configured.',
      );
    }
    const settings = oidcClientSettings(provider, this.secretBox);
    return this.roundTrip.start(
      { purpose: 'oidc_link', organizationId: provider.organizationId, adminId: command.adminId },
      (secrets) =>
        this.client.authorizationUrl(settings, { ...secrets, redirectUri: command.redirectUri }),
    );
  }
}
