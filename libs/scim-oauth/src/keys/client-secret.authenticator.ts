import { Injectable } from '@nestjs/common';
import type { AccessTokenSubject } from '../domain/access-token.claims';
import { hashClientSecret } from '../domain/oauth-client.secret';
import { OAuthTokenError } from '../domain/oauth-token.error';
import { OAuthClientStore } from '../persistence/oauth-client.store';
import { ProvisioningStatusCache } from './provisioning-status.cache';

/** RFC 6749 §2.3.1: a client_id and one of its live secrets, of an org with provisioning on. */
@Injectable()
export class ClientSecretAuthenticator {
  constructor(
    private readonly clients: OAuthClientStore,
    private readonly provisioning: ProvisioningStatusCache,
  ) {}

  async authenticate(
    clientId: string,
    clientSecret: string,
    basic: boolean,
  ): Promise<AccessTokenSubject> {
    // One answer for every failure: which half was wrong is nobody's business (RFC 6749 §5.2).
    const refused = () =>
      new OAuthTokenError('invalid_client', 'Client authentication failed.', basic);
    // The secret is looked up by its SHA-256: an indexed equality on a hash leaks nothing
    // about the secret.
    const grant = await this.clients.findGrant(
      clientId,
      hashClientSecret(clientSecret),
      new Date(),
    );
    if (!grant || !(await this.provisioning.isEnabled(grant.client.organizationId))) {
      throw refused();
    }
    const { client, secret } = grant;
    await this.clients.touch(client);
    await this.clients.touchSecret(secret);
    return {
      organizationId: client.organizationId,
      credentialType: 'client',
      credentialId: client.id,
      subject: client.clientId,
      secretId: secret.id,
      lifetimeMinutes: client.accessTokenLifetimeMinutes,
    };
  }
}
