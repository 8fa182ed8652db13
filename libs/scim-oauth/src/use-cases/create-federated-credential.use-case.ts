import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction, isUniqueViolation } from '@rollcall/db';
import { credentialEvent } from '../domain/credential.events';
import { claimValue, credentialAudience, trustedUrl } from '../domain/federated-credential.rules';
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
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: CreateFederatedCredentialCommand): Promise<FederatedCredentialSummary> {
    // `iss` is compared exactly (OIDC Discovery §4.3), so it is stored as typed.
    const issuer = trustedUrl(command.issuer, 'The issuer', 500);
    const row: FederatedCredentialEntity = {
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
    try {
      await inTransaction(this.dataSource, async (manager) => {
        await manager.insert(FederatedCredentialEntity, row);
        appendEvents(manager, [
          credentialEvent('credential.created', row.organizationId, command.actor, {
            kind: 'federated_credential',
            id: row.id,
            name: row.name,
          }),
        ]);
      });
    } catch (error) {
      // Unique per organization only: whether another organization trusts the same pair is
      // none of this one's business, and the audience keeps their assertions apart.
      if (isUniqueViolation(error)) {
        throw new ScimOAuthError(
          'FEDERATED_CREDENTIAL_TAKEN',
          'This organization already has a live federated credential for this issuer and subject.',
        );
      }
      throw error;
    }
    return toFederatedCredentialSummary(row);
  }
}
