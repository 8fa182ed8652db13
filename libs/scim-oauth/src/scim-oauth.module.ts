import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Transactions } from '@rollcall/db';
import { OrganizationsModule } from '@rollcall/organizations';
import { ClientSecretAuthenticator } from './keys/client-secret.authenticator';
import { CredentialStatusCache } from './keys/credential-status.cache';
import { FederatedAssertionVerifier } from './keys/federated-assertion.verifier';
import { ProvisioningStatusCache } from './keys/provisioning-status.cache';
import { SigningKeyRing } from './keys/signing-key.ring';
import { FederatedAssertionJtiEntity } from './persistence/federated-assertion-jti.entity';
import { FederatedCredentialEntity } from './persistence/federated-credential.entity';
import { FederatedCredentialStore } from './persistence/federated-credential.store';
import { OAuthClientSecretEntity } from './persistence/oauth-client-secret.entity';
import { OAuthClientEntity } from './persistence/oauth-client.entity';
import { OAuthClientStore } from './persistence/oauth-client.store';
import { SigningKeyEntity } from './persistence/signing-key.entity';
import { SigningKeyStore } from './persistence/signing-key.store';
import { AuthenticateScimAccessToken } from './use-cases/authenticate-scim-access-token.use-case';
import { CreateFederatedCredential } from './use-cases/create-federated-credential.use-case';
import { CreateOAuthClientSecret } from './use-cases/create-oauth-client-secret.use-case';
import { CreateOAuthClient } from './use-cases/create-oauth-client.use-case';
import { IssueAccessToken } from './use-cases/issue-access-token.use-case';
import { ListScimOAuthCredentials } from './use-cases/list-scim-oauth-credentials.use-case';
import { RevokeFederatedCredential } from './use-cases/revoke-federated-credential.use-case';
import { ResealSigningKeys } from './use-cases/reseal-signing-keys.use-case';
import { RevokeOAuthClientSecret } from './use-cases/revoke-oauth-client-secret.use-case';
import { RevokeOAuthClient } from './use-cases/revoke-oauth-client.use-case';
import { UpdateOAuthClient } from './use-cases/update-oauth-client.use-case';

const useCases = [
  AuthenticateScimAccessToken,
  CreateFederatedCredential,
  CreateOAuthClient,
  CreateOAuthClientSecret,
  IssueAccessToken,
  ListScimOAuthCredentials,
  RevokeFederatedCredential,
  RevokeOAuthClient,
  RevokeOAuthClientSecret,
  ResealSigningKeys,
  UpdateOAuthClient,
];

/**
 * OAuth 2.0 for the SCIM API. A plain (non-dynamic) module on purpose: the SCIM edge and the
 * admin API share one instance, so an admin's revocation clears the cache the SCIM guard reads.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      OAuthClientEntity,
      OAuthClientSecretEntity,
      FederatedCredentialEntity,
      FederatedAssertionJtiEntity,
      SigningKeyEntity,
    ]),
    OrganizationsModule,
  ],
  providers: [
    ...useCases,
    Transactions,
    OAuthClientStore,
    FederatedCredentialStore,
    SigningKeyStore,
    SigningKeyRing,
    CredentialStatusCache,
    ProvisioningStatusCache,
    ClientSecretAuthenticator,
    FederatedAssertionVerifier,
  ],
  exports: [...useCases, SigningKeyRing],
})
export class ScimOAuthModule {}
