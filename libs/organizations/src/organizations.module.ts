import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Transactions } from '@rollcall/db';
import { AdminInvitationStore } from './persistence/admin-invitation.store';
import { AdminLookup } from './persistence/admin.lookup';
import { AcceptAdminInvitation } from './use-cases/accept-admin-invitation.use-case';
import { ChangeAdminRole } from './use-cases/change-admin-role.use-case';
import { GetAdminInvitation } from './use-cases/get-admin-invitation.use-case';
import { InviteAdmin } from './use-cases/invite-admin.use-case';
import { ListAdminTeam } from './use-cases/list-admin-team.use-case';
import { RemoveAdmin } from './use-cases/remove-admin.use-case';
import { RevokeAdminInvitation } from './use-cases/revoke-admin-invitation.use-case';
import { TransferOwnership } from './use-cases/transfer-ownership.use-case';
import { ApiKeyStore } from './persistence/api-key.store';
import { ORGANIZATION_ENTITIES } from './persistence/organization.entities';
import { OrganizationAdminStore } from './persistence/organization-admin.store';
import { OrganizationLookup } from './persistence/organization.lookup';
import { OrganizationStore } from './persistence/organization.store';
import { ScimTokenStore } from './persistence/scim-token.store';
import { AuthenticateApiKey } from './use-cases/authenticate-api-key.use-case';
import { AuthenticateScimToken } from './use-cases/authenticate-scim-token.use-case';
import { BootstrapDemoOrganization } from './use-cases/bootstrap-demo-organization.use-case';
import { CreateApiKey } from './use-cases/create-api-key.use-case';
import { CreateOrganization } from './use-cases/create-organization.use-case';
import { CreateScimToken } from './use-cases/create-scim-token.use-case';
import { FindOrganization } from './use-cases/find-organization.use-case';
import { GetOrganization } from './use-cases/get-organization.use-case';
import { ListApiKeys } from './use-cases/list-api-keys.use-case';
import { ListAdmins } from './use-cases/list-admins.use-case';
import { ListOrganizations } from './use-cases/list-organizations.use-case';
import { ListScimTokens } from './use-cases/list-scim-tokens.use-case';
import { OrganizationSettingsHooks } from './use-cases/organization-settings.hooks';
import { RenameOrganization } from './use-cases/rename-organization.use-case';
import { ResetAdminPassword } from './use-cases/reset-admin-password.use-case';
import { RevokeApiKey } from './use-cases/revoke-api-key.use-case';
import { RevokeScimToken } from './use-cases/revoke-scim-token.use-case';
import { UpdateOrganizationSettings } from './use-cases/update-organization-settings.use-case';

const useCases = [
  AcceptAdminInvitation,
  ChangeAdminRole,
  GetAdminInvitation,
  InviteAdmin,
  ListAdminTeam,
  RemoveAdmin,
  RevokeAdminInvitation,
  TransferOwnership,
  AuthenticateApiKey,
  CreateApiKey,
  ListApiKeys,
  RevokeApiKey,
  AuthenticateScimToken,
  BootstrapDemoOrganization,
  CreateOrganization,
  CreateScimToken,
  FindOrganization,
  GetOrganization,
  ListAdmins,
  ListOrganizations,
  ListScimTokens,
  RenameOrganization,
  ResetAdminPassword,
  RevokeScimToken,
  UpdateOrganizationSettings,
];

@Module({
  imports: [TypeOrmModule.forFeature(ORGANIZATION_ENTITIES)],
  providers: [
    ...useCases,
    Transactions,
    OrganizationStore,
    OrganizationAdminStore,
    AdminInvitationStore,
    ScimTokenStore,
    ApiKeyStore,
    OrganizationLookup,
    AdminLookup,
    OrganizationSettingsHooks,
  ],
  // The look-ups are how other features read organizations and their admins; the hooks how
  // they hear of a settings change.
  exports: [...useCases, OrganizationLookup, AdminLookup, OrganizationSettingsHooks],
})
export class OrganizationsModule {}
