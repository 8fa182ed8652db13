export { OrganizationsModule } from './organizations.module';
export { OrganizationError } from './domain/organization.error';
export { ApiKeyError } from './domain/api-key.error';
export type { ApiKeyErrorCode } from './domain/api-key.error';
export { API_KEY_NAME_MAX_LENGTH, API_KEY_SCOPES, apiKeyStatus } from './domain/api-key';
export type { ApiKeyPrincipal, ApiKeyScope, ApiKeyStatus, ApiKeySummary } from './domain/api-key';
export { AuthenticateApiKey } from './use-cases/authenticate-api-key.use-case';
export { CreateApiKey } from './use-cases/create-api-key.use-case';
export type { CreateApiKeyCommand, IssuedApiKey } from './use-cases/create-api-key.use-case';
export { ListApiKeys } from './use-cases/list-api-keys.use-case';
export { RevokeApiKey } from './use-cases/revoke-api-key.use-case';
export type { OrganizationErrorCode } from './domain/organization.error';
export { hashPassword, verifyPassword } from './domain/password.hasher';
export { slugify } from './domain/organization-slug';
export { SCIM_CREDENTIALS_TOPIC } from './domain/scim-credentials.topic';
export { AdminLookup } from './persistence/admin.lookup';
export type { AdminCredentials, AdminProfile } from './domain/admin-profile';
export { OrganizationLookup } from './persistence/organization.lookup';
export type { OrganizationProfile } from './domain/organization-profile';
export { AuthenticateScimToken } from './use-cases/authenticate-scim-token.use-case';
export type { ScimPrincipal, ScimTokenSummary } from './domain/scim-token';
export {
  BootstrapDemoOrganization,
  DEMO_ADMIN_EMAIL,
} from './use-cases/bootstrap-demo-organization.use-case';
export type { DemoCredentials } from './use-cases/bootstrap-demo-organization.use-case';
export { FindOrganization } from './use-cases/find-organization.use-case';
export { ListAdmins } from './use-cases/list-admins.use-case';
export type { AdminSummary } from './use-cases/list-admins.use-case';
export { ListOrganizations } from './use-cases/list-organizations.use-case';
export type { OrganizationSummary } from './use-cases/list-organizations.use-case';
export { ResetAdminPassword } from './use-cases/reset-admin-password.use-case';
export type {
  ResetAdminPasswordCommand,
  ResetAdminPasswordResult,
} from './use-cases/reset-admin-password.use-case';
export { CreateOrganization } from './use-cases/create-organization.use-case';
export type {
  CreateOrganizationCommand,
  CreatedOrganization,
  InviteFirstOwnerCommand,
  InvitedOrganization,
} from './use-cases/create-organization.use-case';
export { CreateScimToken } from './use-cases/create-scim-token.use-case';
export { MAX_LIVE_SCIM_TOKENS } from './domain/scim-token';
export type { IssuedScimToken } from './use-cases/create-scim-token.use-case';
export { GetOrganization } from './use-cases/get-organization.use-case';
export { ListScimTokens } from './use-cases/list-scim-tokens.use-case';
export { RenameOrganization } from './use-cases/rename-organization.use-case';
export { RevokeScimToken } from './use-cases/revoke-scim-token.use-case';
export type { RevokedScimToken } from './use-cases/revoke-scim-token.use-case';
export { UpdateOrganizationSettings } from './use-cases/update-organization-settings.use-case';
export { OrganizationSettingsHooks } from './use-cases/organization-settings.hooks';
export type {
  OrganizationSettingsHook,
  OrganizationSettingsUpdate,
} from './use-cases/organization-settings.hooks';
export type { OrganizationSettingsChange } from './domain/organization-settings';
export { AdminManagementError } from './domain/admin-management.error';
export type { AdminManagementErrorCode } from './domain/admin-management.error';
export { ADMIN_ROLES, isAdminRole, mayManageAdmins, mayWrite } from './domain/admin-role';
export type { AdminRole } from './domain/admin-role';
export { invitationLink } from './domain/admin-invitation';
export type { AdminInvitation } from './domain/admin-invitation';
export { InviteAdmin } from './use-cases/invite-admin.use-case';
export type { InviteAdminCommand, IssuedAdminInvitation } from './use-cases/invite-admin.use-case';
export { ListAdminTeam } from './use-cases/list-admin-team.use-case';
export type { AdminTeam } from './use-cases/list-admin-team.use-case';
export { RevokeAdminInvitation } from './use-cases/revoke-admin-invitation.use-case';
export { GetAdminInvitation } from './use-cases/get-admin-invitation.use-case';
export type { InvitationPreview } from './use-cases/get-admin-invitation.use-case';
export { AcceptAdminInvitation } from './use-cases/accept-admin-invitation.use-case';
export type { AcceptAdminInvitationCommand } from './use-cases/accept-admin-invitation.use-case';
export { ChangeAdminRole } from './use-cases/change-admin-role.use-case';
export type { ChangeAdminRoleCommand } from './use-cases/change-admin-role.use-case';
export { RemoveAdmin } from './use-cases/remove-admin.use-case';
export { TransferOwnership } from './use-cases/transfer-ownership.use-case';
export type { TransferOwnershipCommand } from './use-cases/transfer-ownership.use-case';
