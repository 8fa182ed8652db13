export { ROLE_NAMES, isRoleName } from './roles';
export type { RoleName } from './roles';
export type { ApiErrorBody } from './api-error';
export {
  ADMIN_INVITATION_LIFETIME_DAYS,
  ADMIN_ROLE_NAMES,
  INVITATION_PATH_PREFIX,
  isAdminRoleName,
} from './admins';
export type {
  AcceptInvitationRequest,
  AdminInvitationView,
  AdminRoleName,
  AdminTeamView,
  ChangeAdminRoleRequest,
  CreatedAdminInvitationView,
  InvitationPreviewView,
  InviteAdminRequest,
  OrganizationAdminView,
} from './admins';
export { API_KEY_SCOPE_NAMES } from './api-keys';
export type {
  ApiKeyListView,
  ApiKeyScopeName,
  ApiKeyStatusName,
  ApiKeyView,
  CreateApiKeyRequest,
  CreatedApiKeyView,
} from './api-keys';
export { CSRF_HEADER_NAME, MEMBER_LANDING_PATH } from './auth';
export type { AdminSessionView, LoginRequest, MemberSessionView } from './auth';
export { isLoginChallenge } from './account';
export type {
  ChangePasswordRequest,
  DisableTwoFactorRequest,
  EnrolledSessionView,
  LoginChallengeView,
  LoginResponse,
  RecoveryCodesView,
  TwoFactorCodeRequest,
  TwoFactorEnrolmentConfirmRequest,
  TwoFactorEnrolmentRequest,
  TwoFactorLoginRequest,
  TwoFactorSetupView,
  TwoFactorStatusView,
} from './account';
export { MAX_DELETED_TEAM_RETENTION_DAYS, MAX_ORGANIZATION_NAME_LENGTH } from './organization';
export type {
  OrganizationSettings,
  OrganizationView,
  RenameOrganizationRequest,
  UpdateOrganizationSettingsRequest,
} from './organization';
export type {
  CreateScimTokenRequest,
  CreatedScimTokenView,
  ScimTokenListView,
  ScimTokenView,
} from './scim-tokens';
export {
  ENTRA_QUARANTINE_FAILURE_RATIO,
  ENTRA_QUARANTINE_MIN_FAILURES,
  ENTRA_QUARANTINE_THRESHOLD,
  PROVISIONING_HEALTH_RANGES,
  PROVISIONING_LOG_CSV_MAX_ROWS,
} from './provisioning-log';
export type {
  ProvisioningErrorCodeView,
  ProvisioningHealthBucketView,
  ProvisioningHealthRange,
  ProvisioningHealthView,
  ProvisioningLogEntryView,
  ProvisioningLogPageView,
  ProvisioningLogSummaryView,
  ProvisioningResourceType,
} from './provisioning-log';
export { MAX_TEAM_DETAIL_MEMBERS, TEAM_RESOURCE_KIND_NAMES } from './teams';
export type {
  CreateTeamRequest,
  CreateTeamResourceRequest,
  PendingTeamDeletionListView,
  PendingTeamDeletionView,
  ResourceCounts,
  TeamDeletionPreviewView,
  TeamDeletionView,
  TeamDetailView,
  TeamListView,
  TeamMemberView,
  TeamResourceKindName,
  TeamResourceListView,
  TeamResourceView,
  TeamSource,
  TeamSummaryView,
} from './teams';
export { ROLE_PRECEDENCE } from './role-mappings';
export type {
  GroupRoleMappingListView,
  GroupRoleMappingView,
  SetGroupRoleMappingRequest,
} from './role-mappings';
export type {
  AdminUserDetailView,
  AdminUserListView,
  AdminUserView,
  EffectiveRoleView,
  RoleSourceName,
  UserStatusFilter,
} from './users';
export type {
  AccountLinkStartView,
  AdminAccountLinkView,
  MicrosoftConnectionView,
  OidcProviderView,
  OrganizationSignInView,
  SaveOidcProviderRequest,
  SaveSamlConnectionRequest,
  SamlCertificateView,
  SamlConfigurationSource,
  SamlConnectionView,
  SamlServiceProviderView,
  SignInProvidersView,
  SsoProviderKind,
  SsoPolicyView,
  SsoStatusView,
  UpdateSsoPolicyRequest,
} from './sso';
export { SSO_PROVIDER_KINDS, SSO_PROVIDER_NAMES } from './sso';
export { ACCESS_TOKEN_LIFETIME_MINUTES, CLIENT_SECRET_LIFETIME_DAYS } from './scim-oauth';
export type {
  CreateScimFederatedCredentialRequest,
  CreateScimOAuthClientRequest,
  CreateScimOAuthSecretRequest,
  CreatedScimOAuthClientView,
  CreatedScimOAuthSecretView,
  ScimFederatedCredentialView,
  ScimOAuthClientView,
  ScimOAuthOverviewView,
  ScimOAuthSecretView,
  UpdateScimOAuthClientRequest,
} from './scim-oauth';
export {
  DEFAULT_EVENT_PAGE_SIZE,
  DEFAULT_EVENT_RETENTION_DAYS,
  EVENT_TYPE_NAMES,
  MAX_EVENT_PAGE_SIZE,
  WEBHOOK_TEST_EVENT_TYPE,
  isEventTypeName,
} from './events';
export type {
  ActivityActorListView,
  ActivityEntryView,
  ActivityListView,
  EventActor,
  EventListView,
  EventTypeName,
  EventView,
  TeamEventData,
  UserEventData,
} from './events';
export type {
  CreateWebhookRequest,
  CreatedWebhookView,
  UpdateWebhookRequest,
  WebhookAttemptView,
  WebhookDeliveryDetailView,
  WebhookDeliveryListView,
  WebhookDeliveryStatusName,
  WebhookDeliveryView,
  WebhookEndpointListView,
  WebhookEndpointStatusName,
  WebhookEndpointView,
} from './webhooks';
