import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import type { FederatedCredential } from '../domain/federated-credential';
import { claimValue, credentialAudience, trustedUrl } from '../domain/federated-credential.rules';
import { accessTokenLifetimeMinutes, credentialName } from '../domain/lifetimes';
import { FederatedCredentialStore } from '../persistence/federated-credential.store';
import {
  toFederatedCredentialSummary,
  type FederatedCredentialSummary,
} from './credential.summaries';

export interface CreateFederatedCredentialCommand {
  organizationId: string;
  name: string;
  issuer: string;
  subject: string;
  jwksUri?: string;
  accessTokenLifetimeMinutes?: number;
  actor: string;
}

/**
 * Trusts JWTs of one external issuer and subject (RFC 7523) for the organization: for Entra,
 * the tenant's issuer and the provisioning app's service principal id. The audience is not
 * the admin's to choose: Rollcall assigns one no other credential has, which the admin then
 * gives to Entra, so another organization registering the same issuer and subject gets
 * nothing from it.
 */
@Injectable()
export class CreateFederatedCredential {
  constructor(
    private readonly transactions: Transactions,
    private readonly credentials: FederatedCredentialStore,
  ) {}

  async execute(command: CreateFederatedCredentialCommand): Promise<FederatedCredentialSummary> {
    // `iss` is compared exactly (OIDC Discovery §4.3), so it is stored as typed.
    const issuer = trustedUrl(command.issuer, 'The issuer', 500);
    const credential: FederatedCredential = {
      id: randomUUID(),
      organizationId: command.organizationId,
      name: credentialName(command.name, 'credential'),
      issuer,
      subject: claimValue(command.subject, 'The subject', 255),
      audience: credentialAudience(issuer),
      jwksUri: command.jwksUri?.trim() ? trustedUrl(command.jwksUri, 'The JWKS URI', 1000) : null,
      accessTokenLifetimeMinutes: accessTokenLifetimeMinutes(command.accessTokenLifetimeMinutes),
      createdAt: new Date(),
      lastUsedAt: null,
      revokedAt: null,
    };
    // A live credential of this organization for the same pair: FEDERATED_CREDENTIAL_TAKEN.
    await this.transactions.run((tx) => this.credentials.create(tx, credential, command.actor));
    return toFederatedCredentialSummary(credential);
  }
}
