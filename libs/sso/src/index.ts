export { EntraSsoModule, SsoModule } from './sso.module';
export { SsoError } from './domain/sso.error';
export type { SsoErrorCode } from './domain/sso.error';
export type { AuthenticatedAdmin } from './domain/authenticated-admin';
export {
  SESSION_ABSOLUTE_LIFETIME_MS,
  SESSION_IDLE_TIMEOUT_MS,
} from './domain/admin-session.policy';
export { csrfTokenMatches } from './domain/session.secret';
export { AuthenticateAdminSession } from './use-cases/authenticate-admin-session.use-case';
export { LogInAdmin } from './use-cases/log-in-admin.use-case';
export type { LogInAdminCommand } from './use-cases/log-in-admin.use-case';
export type { AdminSignIn } from './use-cases/open-admin-session.use-case';
export { PurgeExpiredAdminSessions } from './use-cases/purge-expired-admin-sessions.use-case';
export type { PurgedSignInState } from './use-cases/purge-expired-admin-sessions.use-case';
export { RevokeAdminSession } from './use-cases/revoke-admin-session.use-case';
export { RevokeAllAdminSessions } from './use-cases/revoke-all-admin-sessions.use-case';
export type { EntraSsoOptions } from './entra/entra-sso.options';
export type { AuthenticatedMember, MemberSignIn } from './domain/authenticated-member';
export { OIDC_AUTHORIZATION_LIFETIME_MS } from './domain/oidc-authorization.policy';
export { StartEntraAuthorization } from './use-cases/start-entra-authorization.use-case';
export { ConnectEntraTenant } from './use-cases/connect-entra-tenant.use-case';
export { GetEntraConnection } from './use-cases/get-entra-connection.use-case';
export type { EntraConnection } from './use-cases/get-entra-connection.use-case';
export { GetSsoAvailability } from './use-cases/get-sso-availability.use-case';
export type { SsoAvailability } from './use-cases/get-sso-availability.use-case';
export { DisconnectEntraTenant } from './use-cases/disconnect-entra-tenant.use-case';
export { SignInWithMicrosoft } from './use-cases/sign-in-with-microsoft.use-case';
export type { MicrosoftSignIn } from './use-cases/sign-in-with-microsoft.use-case';
export { AuthenticateMemberSession } from './use-cases/authenticate-member-session.use-case';
