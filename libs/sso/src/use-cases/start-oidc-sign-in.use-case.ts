import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SecretBox } from '@rollcall/crypto';
import { OrganizationEntity } from '@rollcall/organizations';
import { SsoError } from '../domain/sso.error';
import { GenericOidcClient } from '../oidc/generic-oidc.client';
import { oidcClientSettings } from '../oidc/oidc-client-settings';
import { OidcRoundTrip, type StartedAuthorization } from '../oidc/oidc-round-trip';
import { OidcProviderEntity } from '../persistence/oidc-provider.entity';

export interface StartOidcSignInCommand {
  organizationSlug: string;
  /** The one callback URL of every org (the state says which org a round trip is for). */
  redirectUri: string;
}

/** Starts an authorization-code round trip (PKCE S256, state, nonce) with an org's provider. */
@Injectable()
export class StartOidcSignIn {
  constructor(
    private readonly dataSource: DataSource,
    private readonly client: GenericOidcClient,
    private readonly roundTrip: OidcRoundTrip,
    private readonly secretBox: SecretBox,
  ) {}

  async execute(command: StartOidcSignInCommand): Promise<StartedAuthorization> {
    const row = await this.dataSource
      .createQueryBuilder(OidcProviderEntity, 'p')
      .innerJoin(OrganizationEntity, 'o', 'o.id = p.organization_id')
      .where('o.slug = :slug', { slug: command.organizationSlug })
      .getOne();
    if (!row) {
      throw new SsoError(
        'OIDC_PROVIDER_NOT_FOUND',
        'This organization has no single sign-on provider configured.',
      );
    }
    const settings = oidcClientSettings(row, this.secretBox);
    return this.roundTrip.start(
      { purpose: 'oidc_sign_in', organizationId: row.organizationId, adminId: null },
      (secrets) =>
        this.client.authorizationUrl(settings, { ...secrets, redirectUri: command.redirectUri }),
    );
  }
}
