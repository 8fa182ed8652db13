import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Transactions } from '@rollcall/db';
import { DirectoryModule } from '@rollcall/directory';
import { OrganizationsModule } from '@rollcall/organizations';
import { EntraClient } from './entra/entra.client';
import { EntraRoundTrip } from './entra/entra-round-trip';
import { ENTRA_SSO_OPTIONS, type EntraSsoOptions } from './entra/entra-sso.options';
import { GenericOidcClient } from './oidc/generic-oidc.client';
import { OidcRoundTrip } from './oidc/oidc-round-trip';
import { AdminIdentityEntity } from './persistence/admin-identity.entity';
import { AdminIdentityStore } from './persistence/admin-identity.store';
import { AdminSessionEntity } from './persistence/admin-session.entity';
import { AdminSessionStore } from './persistence/admin-session.store';
import { EntraConnectionEntity } from './persistence/entra-connection.entity';
import { EntraConnectionStore } from './persistence/entra-connection.store';
import { LoginAttemptsLimiter } from './persistence/login-attempts.limiter';
import { MemberSessionEntity } from './persistence/member-session.entity';
import { MemberSessionStore } from './persistence/member-session.store';
import { OidcAuthorizationEntity } from './persistence/oidc-authorization.entity';
import { OidcAuthorizationStore } from './persistence/oidc-authorization.store';
import { OidcProviderEntity } from './persistence/oidc-provider.entity';
import { OidcProviderStore } from './persistence/oidc-provider.store';
import { SsoPolicyEntity } from './persistence/sso-policy.entity';
import { SsoPolicyStore } from './persistence/sso-policy.store';
import { UserIdentityEntity } from './persistence/user-identity.entity';
import { UserIdentityStore } from './persistence/user-identity.store';
import { SamlAssertionEntity } from './persistence/saml-assertion.entity';
import { SamlAssertionStore } from './persistence/saml-assertion.store';
import { SamlConnectionEntity } from './persistence/saml-connection.entity';
import { SamlConnectionStore } from './persistence/saml-connection.store';
import { SamlRequestEntity } from './persistence/saml-request.entity';
import { SamlRequestStore } from './persistence/saml-request.store';
import { SamlServiceProviderEntity } from './persistence/saml-service-provider.entity';
import { SamlServiceProviderStore } from './persistence/saml-service-provider.store';
import { SamlIdpSettingsReader } from './saml-sp/saml-idp-settings.reader';
import { SamlTrustResolver } from './saml-sp/saml-trust.resolver';
import { DeleteSamlConnection } from './use-cases/delete-saml-connection.use-case';
import { GetSamlConnection } from './use-cases/get-saml-connection.use-case';
import { GetSamlServiceProvider } from './use-cases/get-saml-service-provider.use-case';
import { RefreshSamlMetadata } from './use-cases/refresh-saml-metadata.use-case';
import { SaveSamlConnection } from './use-cases/save-saml-connection.use-case';
import { SignInWithSaml } from './use-cases/sign-in-with-saml.use-case';
import { StartSamlSignIn } from './use-cases/start-saml-sign-in.use-case';
import { AuthenticateAdminSession } from './use-cases/authenticate-admin-session.use-case';
import { AuthenticateMemberSession } from './use-cases/authenticate-member-session.use-case';
import { ConnectEntraTenant } from './use-cases/connect-entra-tenant.use-case';
import { DeleteOidcProvider } from './use-cases/delete-oidc-provider.use-case';
import { DisconnectEntraTenant } from './use-cases/disconnect-entra-tenant.use-case';
import { GetAdminAccountLinks } from './use-cases/get-admin-account-links.use-case';
import { GetEntraConnection } from './use-cases/get-entra-connection.use-case';
import { GetOidcProvider } from './use-cases/get-oidc-provider.use-case';
import { GetOrganizationSignIn } from './use-cases/get-organization-sign-in.use-case';
import { GetSsoAvailability } from './use-cases/get-sso-availability.use-case';
import { GetSsoPolicy } from './use-cases/get-sso-policy.use-case';
import { LogInAdmin } from './use-cases/log-in-admin.use-case';
import { OpenAdminSession } from './use-cases/open-admin-session.use-case';
import { ResealOidcClientSecrets } from './use-cases/reseal-oidc-client-secrets.use-case';
import { ReleaseEntraTenant } from './use-cases/release-entra-tenant.use-case';
import { PurgeExpiredAdminSessions } from './use-cases/purge-expired-admin-sessions.use-case';
import { PurgeExpiredSignInStarts } from './use-cases/purge-expired-sign-in-starts.use-case';
import { RevokeAdminSession } from './use-cases/revoke-admin-session.use-case';
import { RevokeAllAdminSessions } from './use-cases/revoke-all-admin-sessions.use-case';
import { RevokeMemberSession } from './use-cases/revoke-member-session.use-case';
import { SaveOidcProvider } from './use-cases/save-oidc-provider.use-case';
import { SignInFederatedIdentity } from './use-cases/sign-in-federated-identity.use-case';
import { SignInWithMicrosoft } from './use-cases/sign-in-with-microsoft.use-case';
import { SignInWithOidc } from './use-cases/sign-in-with-oidc.use-case';
import { StartEntraAuthorization } from './use-cases/start-entra-authorization.use-case';
import { StartOidcLink } from './use-cases/start-oidc-link.use-case';
import { StartOidcSignIn } from './use-cases/start-oidc-sign-in.use-case';
import { UnlinkAdminAccount } from './use-cases/unlink-admin-account.use-case';
import { UpdateSsoPolicy } from './use-cases/update-sso-policy.use-case';
import { ChangeAdminPassword } from './use-cases/change-admin-password.use-case';
import { CompleteTwoFactorSignIn } from './use-cases/complete-two-factor-sign-in.use-case';
import { ConfirmTwoFactor } from './use-cases/confirm-two-factor.use-case';
import { DisableTwoFactor } from './use-cases/disable-two-factor.use-case';
import { EnrolTwoFactorAtSignIn } from './use-cases/enrol-two-factor-at-sign-in.use-case';
import { FindSignInChallenge } from './use-cases/find-sign-in-challenge.use-case';
import { GetTwoFactorStatus } from './use-cases/get-two-factor-status.use-case';
import { RegenerateRecoveryCodes } from './use-cases/regenerate-recovery-codes.use-case';
import { StartTwoFactorSetup } from './use-cases/start-two-factor-setup.use-case';
import { VerifyAdminPassword } from './use-cases/verify-admin-password.use-case';
import { VerifySecondFactor } from './use-cases/verify-second-factor.use-case';
import { SignInChallengeStore } from './persistence/sign-in-challenge.store';
import { TwoFactorStore } from './persistence/two-factor.store';

const useCases = [
  LogInAdmin,
  OpenAdminSession,
  AuthenticateAdminSession,
  RevokeAdminSession,
  RevokeAllAdminSessions,
  PurgeExpiredAdminSessions,
  PurgeExpiredSignInStarts,
  AuthenticateMemberSession,
  RevokeMemberSession,
  SignInFederatedIdentity,
  GetSsoPolicy,
  UpdateSsoPolicy,
  GetOidcProvider,
  SaveOidcProvider,
  DeleteOidcProvider,
  StartOidcSignIn,
  SignInWithOidc,
  GetOrganizationSignIn,
  StartOidcLink,
  UnlinkAdminAccount,
  GetAdminAccountLinks,
  ReleaseEntraTenant,
  ResealOidcClientSecrets,
  GetSamlConnection,
  SaveSamlConnection,
  DeleteSamlConnection,
  GetSamlServiceProvider,
  StartSamlSignIn,
  SignInWithSaml,
  RefreshSamlMetadata,
  ChangeAdminPassword,
  CompleteTwoFactorSignIn,
  ConfirmTwoFactor,
  DisableTwoFactor,
  EnrolTwoFactorAtSignIn,
  FindSignInChallenge,
  GetTwoFactorStatus,
  RegenerateRecoveryCodes,
  StartTwoFactorSetup,
  VerifyAdminPassword,
  VerifySecondFactor,
];

const entraUseCases = [
  StartEntraAuthorization,
  ConnectEntraTenant,
  GetEntraConnection,
  GetSsoAvailability,
  DisconnectEntraTenant,
  SignInWithMicrosoft,
];

const entities = [
  AdminSessionEntity,
  AdminIdentityEntity,
  OidcAuthorizationEntity,
  EntraConnectionEntity,
  UserIdentityEntity,
  MemberSessionEntity,
  OidcProviderEntity,
  SsoPolicyEntity,
  SamlConnectionEntity,
  SamlServiceProviderEntity,
  SamlRequestEntity,
  SamlAssertionEntity,
];

/** Sessions, the org's sign-in policy, generic OIDC (Okta, Keycloak, …) and SAML sign-in. */
@Module({
  imports: [TypeOrmModule.forFeature(entities), OrganizationsModule, DirectoryModule],
  providers: [
    ...useCases,
    LoginAttemptsLimiter,
    OidcAuthorizationStore,
    OidcRoundTrip,
    SsoPolicyStore,
    EntraConnectionStore,
    OidcProviderStore,
    UserIdentityStore,
    AdminIdentityStore,
    AdminSessionStore,
    MemberSessionStore,
    Transactions,
    GenericOidcClient,
    SamlConnectionStore,
    SamlServiceProviderStore,
    SamlRequestStore,
    SamlAssertionStore,
    SamlTrustResolver,
    SamlIdpSettingsReader,
    TwoFactorStore,
    SignInChallengeStore,
  ],
  exports: [
    ...useCases,
    OidcRoundTrip,
    SsoPolicyStore,
    EntraConnectionStore,
    AdminIdentityStore,
    Transactions,
  ],
})
export class SsoModule {}

/** Sign in with Microsoft (Entra multi-tenant app): connect and sign-in. */
@Module({})
export class EntraSsoModule {
  static forRoot(options: EntraSsoOptions): DynamicModule {
    return {
      module: EntraSsoModule,
      imports: [TypeOrmModule.forFeature(entities), OrganizationsModule, SsoModule],
      providers: [
        { provide: ENTRA_SSO_OPTIONS, useValue: options },
        EntraClient,
        EntraRoundTrip,
        ...entraUseCases,
      ],
      exports: entraUseCases,
    };
  }
}
