import { Injectable } from '@nestjs/common';
import { FederatedCredentialStore } from '../persistence/federated-credential.store';
import { OAuthClientStore } from '../persistence/oauth-client.store';
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
  constructor(
    private readonly oauthClients: OAuthClientStore,
    private readonly federatedCredentials: FederatedCredentialStore,
  ) {}

  async execute(organizationId: string): Promise<ScimOAuthCredentials> {
    const clients = await this.oauthClients.listInOrganization(organizationId);
    const secrets = await this.oauthClients.secretsOf(clients.map((c) => c.id));
    const federated = await this.federatedCredentials.listInOrganization(organizationId);
    return {
      clients: clients.map((c) => toClientSummary(c, secrets)),
      federatedCredentials: federated.map(toFederatedCredentialSummary),
    };
  }
}
