import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction, isUniqueViolation } from '@rollcall/db';
import { claimValue, trustedUrl } from '../domain/federated-credential.rules';
import { accessTokenLifetimeMinutes, credentialName } from '../domain/lifetimes';
import { ScimOAuthError } from '../domain/scim-oauth.error';
import { FederatedCredentialEntity } from '../persistence/federated-credential.entity';
import {
  toFederatedCredentialSummary,
  type FederatedCredentialSummary,
} from './credential.summaries';

export interface CreateFederatedCredentialCommand {
  organizationId: string;
  name: string;
  issuer: string;
  subject: string;
  audience: string;
  jwksUri?: string;
  accessTokenLifetimeMinutes?: number;
}

/**
 * Trusts JWTs of one external issuer and subject (RFC 7523) for the organization: for Entra,
 * the tenant's issuer and the provisioning app's service principal id.
 */
@Injectable()
export class CreateFederatedCredential {
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: CreateFederatedCredentialCommand): Promise<FederatedCredentialSummary> {
    const row: FederatedCredentialEntity = {
      id: randomUUID(),
      organizationId: command.organizationId,
      name: credentialName(command.name, 'credential'),
      // `iss` is compared exactly (OIDC Discovery §4.3), so it is stored as typed.
      issuer: trustedUrl(command.issuer, 'The issuer', 500),
      subject: claimValue(command.subject, 'The subject', 255),
      audience: claimValue(command.audience, 'The audience', 500),
      jwksUri: command.jwksUri?.trim() ? trustedUrl(command.jwksUri, 'The JWKS URI', 1000) : null,
      accessTokenLifetimeMinutes: accessTokenLifetimeMinutes(command.accessTokenLifetimeMinutes),
      createdAt: new Date(),
      lastUsedAt: null,
      revokedAt: null,
    };
    try {
      await inTransaction(this.dataSource, (manager) =>
        manager.insert(FederatedCredentialEntity, row),
      );
    } catch (error) {
      // A live (issuer, subject) pair picks the organization of an assertion: it is unique.
      if (isUniqueViolation(error)) {
        throw new ScimOAuthError(
          'FEDERATED_CREDENTIAL_TAKEN',
          'A live federated credential already trusts this issuer and subject.',
        );
      }
      throw error;
    }
    return toFederatedCredentialSummary(row);
  }
}
