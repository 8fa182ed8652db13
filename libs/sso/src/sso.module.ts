import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '@rollcall/organizations';
import { EntraClient } from './entra/entra.client';
import { EntraRoundTrip } from './entra/entra-round-trip';
import { ENTRA_SSO_OPTIONS, type EntraSsoOptions } from './entra/entra-sso.options';
import { AdminSessionEntity } from './persistence/admin-session.entity';
import { EntraConnectionEntity } from './persistence/entra-connection.entity';
import { LoginFailureEntity } from './persistence/login-failure.entity';
import { LoginFailureStore } from './persistence/login-failure.store';
import { MemberSessionEntity } from './persistence/member-session.entity';
import { OidcAuthorizationEntity } from './persistence/oidc-authorization.entity';
import { OidcAuthorizationStore } from './persistence/oidc-authorization.store';
import { UserIdentityEntity } from './persistence/user-identity.entity';
import { AuthenticateAdminSession } from './use-cases/authenticate-admin-session.use-case';
import { AuthenticateMemberSession } from './use-cases/authenticate-member-session.use-case';
import { ConnectEntraTenant } from './use-cases/connect-entra-tenant.use-case';
import { DisconnectEntraTenant } from './use-cases/disconnect-entra-tenant.use-case';
import { GetEntraConnection } from './use-cases/get-entra-connection.use-case';
import { GetSsoAvailability } from './use-cases/get-sso-availability.use-case';
import { LogInAdmin } from './use-cases/log-in-admin.use-case';
import { OpenAdminSession } from './use-cases/open-admin-session.use-case';
import { PurgeExpiredAdminSessions } from './use-cases/purge-expired-admin-sessions.use-case';
import { RevokeAdminSession } from './use-cases/revoke-admin-session.use-case';
import { RevokeAllAdminSessions } from './use-cases/revoke-all-admin-sessions.use-case';
import { SignInWithMicrosoft } from './use-cases/sign-in-with-microsoft.use-case';
import { StartEntraAuthorization } from './use-cases/start-entra-authorization.use-case';

const useCases = [
  LogInAdmin,
  OpenAdminSession,
  AuthenticateAdminSession,
  RevokeAdminSession,
  RevokeAllAdminSessions,
  PurgeExpiredAdminSessions,
];

const entraUseCases = [
  StartEntraAuthorization,
  ConnectEntraTenant,
  GetEntraConnection,
  GetSsoAvailability,
  DisconnectEntraTenant,
  SignInWithMicrosoft,
  AuthenticateMemberSession,
];

const entities = [
  AdminSessionEntity,
  LoginFailureEntity,
  OidcAuthorizationEntity,
  EntraConnectionEntity,
  UserIdentityEntity,
  MemberSessionEntity,
];

@Module({
  imports: [TypeOrmModule.forFeature(entities), OrganizationsModule],
  providers: [...useCases, LoginFailureStore],
  exports: useCases,
})
export class SsoModule {}

/** Sign in with Microsoft (Entra multi-tenant app): connect, sign-in, member sessions. */
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
        OidcAuthorizationStore,
        ...entraUseCases,
      ],
      exports: entraUseCases,
    };
  }
}
