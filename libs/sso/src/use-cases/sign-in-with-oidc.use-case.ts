import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SecretBox } from '@rollcall/crypto';
import { SsoError } from '../domain/sso.error';
import { GenericOidcClient } from '../oidc/generic-oidc.client';
import { oidcClientSettings } from '../oidc/oidc-client-settings';
import { OidcRoundTrip, type OidcCallback } from '../oidc/oidc-round-trip';
import { OidcProviderEntity } from '../persistence/oidc-provider.entity';
import { SignInFederatedIdentity, type SsoSignIn } from './sign-in-federated-identity.use-case';

export interface SignInWithOidcCommand extends OidcCallback {
  redirectUri: string;
  ipAddress: string | null;
  userAgent: string | null;
  previousSessionSecret: string | null;
}

/**
 * The callback of an org's custom provider: the round trip's row says which org (and so which
 * provider) it was started for; the token is redeemed and validated against that provider
 * only, so another org's provider can never sign anyone in here.
 */
@Injectable()
export class SignInWithOidc {
  constructor(
    private readonly dataSource: DataSource,
    private readonly client: GenericOidcClient,
    private readonly roundTrip: OidcRoundTrip,
    private readonly secretBox: SecretBox,
    private readonly signIn: SignInFederatedIdentity,
  ) {}

  async execute(command: SignInWithOidcCommand): Promise<SsoSignIn> {
    const { authorization, code } = await this.roundTrip.take(
      'oidc_sign_in',
      command,
      'Your identity provider',
    );
    const organizationId = authorization.organizationId;
    const row = organizationId
      ? await this.dataSource.getRepository(OidcProviderEntity).findOneBy({ organizationId })
      : null;
    if (!organizationId || !row) {
      throw new SsoError(
        'OIDC_PROVIDER_NOT_FOUND',
        'This organization no longer has a single sign-on provider configured.',
      );
    }
    const identity = await this.client.redeem(oidcClientSettings(row, this.secretBox), {
      code,
      ...(typeof command.iss === 'string' ? { iss: command.iss } : {}),
      redirectUri: command.redirectUri,
      codeVerifier: authorization.codeVerifier,
      nonce: authorization.nonce,
    });
    return this.signIn.execute({
      organizationId,
      identity,
      ipAddress: command.ipAddress,
      userAgent: command.userAgent,
      previousSessionSecret: command.previousSessionSecret,
    });
  }
}
