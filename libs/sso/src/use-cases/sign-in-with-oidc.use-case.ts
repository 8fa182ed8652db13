import { Injectable } from '@nestjs/common';
import { SecretBox } from '@rollcall/crypto';
import { Transactions } from '@rollcall/db';
import type { AccountLinkOutcome } from '../domain/account-link-outcome';
import { SsoError } from '../domain/sso.error';
import { GenericOidcClient } from '../oidc/generic-oidc.client';
import { oidcClientSettings } from '../oidc/oidc-client-settings';
import { OidcRoundTrip, type OidcCallback } from '../oidc/oidc-round-trip';
import { AdminIdentityStore } from '../persistence/admin-identity.store';
import { OidcProviderStore } from '../persistence/oidc-provider.store';
import { SignInFederatedIdentity, type SsoSignIn } from './sign-in-federated-identity.use-case';

export interface SignInWithOidcCommand extends OidcCallback {
  redirectUri: string;
  ipAddress: string | null;
  userAgent: string | null;
  previousSessionSecret: string | null;
  /** The admin whose dashboard session the browser holds, if any: a link must be theirs. */
  signedInAdmin: { adminId: string; organizationId: string } | null;
}

/**
 * The callback of an org's custom provider: the round trip's row says which org (and so which
 * provider) it was started for; the token is redeemed and validated against that provider
 * only, so another org's provider can never sign anyone in here. A round trip started by
 * "Link my account" links the account to the admin who started it instead of signing in.
 */
@Injectable()
export class SignInWithOidc {
  constructor(
    private readonly transactions: Transactions,
    private readonly providers: OidcProviderStore,
    private readonly client: GenericOidcClient,
    private readonly roundTrip: OidcRoundTrip,
    private readonly secretBox: SecretBox,
    private readonly signIn: SignInFederatedIdentity,
    private readonly adminIdentities: AdminIdentityStore,
  ) {}

  async execute(command: SignInWithOidcCommand): Promise<SsoSignIn | AccountLinkOutcome> {
    const { authorization, code } = await this.roundTrip.take(
      ['oidc_sign_in', 'oidc_link'],
      command,
      'Your identity provider',
    );
    const linking = authorization.purpose === 'oidc_link';
    try {
      const organizationId = authorization.organizationId;
      if (
        linking &&
        (authorization.adminId !== command.signedInAdmin?.adminId ||
          organizationId !== command.signedInAdmin?.organizationId)
      ) {
        throw new SsoError('SSO_STATE_INVALID', 'This link was started by someone else.');
      }
      const provider = organizationId ? await this.providers.find(organizationId) : null;
      if (!organizationId || !provider) {
        throw new SsoError(
          'OIDC_PROVIDER_NOT_FOUND',
          'This organization no longer has a single sign-on provider configured.',
        );
      }
      const identity = await this.client.redeem(oidcClientSettings(provider, this.secretBox), {
        code,
        ...(typeof command.iss === 'string' ? { iss: command.iss } : {}),
        redirectUri: command.redirectUri,
        codeVerifier: authorization.codeVerifier,
        nonce: authorization.nonce,
      });
      if (linking) {
        const adminId = authorization.adminId ?? '';
        if (!identity.subject)
          throw new SsoError('SSO_TOKEN_INVALID', 'The ID token has no subject.');
        await this.transactions.run((tx) =>
          this.adminIdentities.link(tx, { id: adminId, organizationId }, identity),
        );
        return { kind: 'linked', provider: 'oidc' };
      }
      return await this.signIn.execute({
        organizationId,
        identity,
        ipAddress: command.ipAddress,
        userAgent: command.userAgent,
        previousSessionSecret: command.previousSessionSecret,
      });
    } catch (error) {
      if (linking && error instanceof SsoError) return { kind: 'link_refused', error };
      throw error;
    }
  }
}
