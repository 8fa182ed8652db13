import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationEntity } from '@rollcall/organizations';
import type { AccessTokenSubject } from '../domain/access-token.claims';
import { hashClientSecret } from '../domain/oauth-client.secret';
import { OAuthTokenError } from '../domain/oauth-token.error';
import { touchLastUsed } from '../persistence/last-used.touch';
import { OAuthClientSecretEntity } from '../persistence/oauth-client-secret.entity';
import { OAuthClientEntity } from '../persistence/oauth-client.entity';

/** RFC 6749 §2.3.1: a client_id and one of its live secrets, of an org with provisioning on. */
@Injectable()
export class ClientSecretAuthenticator {
  constructor(private readonly dataSource: DataSource) {}

  async authenticate(
    clientId: string,
    clientSecret: string,
    basic: boolean,
  ): Promise<AccessTokenSubject> {
    // One answer for every failure: which half was wrong is nobody's business (RFC 6749 §5.2).
    const refused = () =>
      new OAuthTokenError('invalid_client', 'Client authentication failed.', basic);
    const client = await this.dataSource
      .createQueryBuilder(OAuthClientEntity, 'c')
      .innerJoin(OrganizationEntity, 'o', 'o.id = c.organization_id')
      .where('c.client_id = :clientId', { clientId })
      .andWhere('c.revoked_at IS NULL')
      .andWhere('o.scim_enabled = :enabled', { enabled: true })
      .getOne();
    // Looked up by its SHA-256: an indexed equality on a hash leaks nothing about the secret.
    const secret = await this.dataSource.getRepository(OAuthClientSecretEntity).findOne({
      where: { secretHash: hashClientSecret(clientSecret) },
    });
    if (
      !client ||
      !secret ||
      secret.oauthClientId !== client.id ||
      secret.revokedAt ||
      secret.expiresAt.getTime() <= Date.now()
    ) {
      throw refused();
    }
    await touchLastUsed(this.dataSource, OAuthClientEntity, client);
    await touchLastUsed(this.dataSource, OAuthClientSecretEntity, secret);
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
