import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { FederatedCredentialEntity } from '../persistence/federated-credential.entity';
import { OAuthClientSecretEntity } from '../persistence/oauth-client-secret.entity';
import { OAuthClientEntity } from '../persistence/oauth-client.entity';
import {
  toClientSummary,
  toFederatedCredentialSummary,
  type FederatedCredentialSummary,
  type OAuthClientSummary,
} from './credential.summaries';

export interface ScimOAuthCredentials {
  clients: OAuthClientSummary[];
  federatedCredentials: FederatedCredentialSummary[];
}

/** An organization's OAuth clients (with their secrets) and federated credentials, newest first. */
@Injectable()
export class ListScimOAuthCredentials {
  constructor(private readonly dataSource: DataSource) {}

  async execute(organizationId: string): Promise<ScimOAuthCredentials> {
    const clients = await this.dataSource.getRepository(OAuthClientEntity).find({
      where: { organizationId },
      order: { createdAt: 'DESC' },
    });
    const secrets = clients.length
      ? await this.dataSource
          .getRepository(OAuthClientSecretEntity)
          .find({ where: { oauthClientId: In(clients.map((c) => c.id)) } })
      : [];
    const federated = await this.dataSource.getRepository(FederatedCredentialEntity).find({
      where: { organizationId },
      order: { createdAt: 'DESC' },
    });
    return {
      clients: clients.map((c) => toClientSummary(c, secrets)),
      federatedCredentials: federated.map(toFederatedCredentialSummary),
    };
  }
}
