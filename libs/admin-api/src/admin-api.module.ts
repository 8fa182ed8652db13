import { AccountController } from './account/account.controller';
import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@rollcall/audit';
import { DirectoryModule } from '@rollcall/directory';
import { OrganizationsModule } from '@rollcall/organizations';
import { ScimOAuthModule } from '@rollcall/scim-oauth';
import { EntraSsoModule, SsoModule } from '@rollcall/sso';
import { TeamsModule } from '@rollcall/teams';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from './admin-api.options';
import { AdminsController } from './admins/admins.controller';
import { InvitationMailer } from './admins/invitation.mailer';
import { InvitationsController } from './admins/invitations.controller';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AdminAuthController } from './auth/admin-auth.controller';
import { AdminSessionGuard } from './auth/admin-session.guard';
import { EventsController } from './events/events.controller';
import { MemberSessionGuard } from './auth/member-session.guard';
import { OrganizationController } from './organization/organization.controller';
import { ProvisioningLogController } from './provisioning-log/provisioning-log.controller';
import { GroupRoleMappingsController } from './role-mappings/group-role-mappings.controller';
import { ScimFederatedCredentialsController } from './scim-oauth/scim-federated-credentials.controller';
import { ScimOAuthClientsController } from './scim-oauth/scim-oauth-clients.controller';
import { ScimTokensController } from './scim-tokens/scim-tokens.controller';
import { MicrosoftConnectController } from './sso/microsoft-connect.controller';
import { MemberSessionController } from './sso/member-session.controller';
import { MicrosoftSignInController } from './sso/microsoft-sign-in.controller';
import { OidcSignInController } from './sso/oidc-sign-in.controller';
import { SamlSignInController } from './sso/saml-sign-in.controller';
import { RefusedSignInRecorder } from './sso/refused-sign-in.recorder';
import { SsoAccountLinksController } from './sso/sso-account-links.controller';
import { SsoSettingsController } from './sso/sso-settings.controller';
import { AdminTeamReader } from './teams/admin-team.reader';
import { TeamDeletionController } from './teams/team-deletion.controller';
import { TeamResourcesController } from './teams/team-resources.controller';
import { TeamsController } from './teams/teams.controller';
import { AdminUserReader } from './users/admin-user.reader';
import { UsersController } from './users/users.controller';
import { WebhookDeliveriesController } from './webhooks/webhook-deliveries.controller';
import { WebhooksController } from './webhooks/webhooks.controller';

/**
 * The admin REST API under /api: every controller but sign-in sits behind AdminSessionGuard
 * (a session, or an API key on the directory controllers).
 */
@Module({})
export class AdminApiModule {
  static forRoot(options: AdminApiOptions): DynamicModule {
    return {
      module: AdminApiModule,
      imports: [
        SsoModule,
        EntraSsoModule.forRoot({ ...options.entra, publicUrl: options.publicUrl }),
        OrganizationsModule,
        ScimOAuthModule,
        DirectoryModule,
        TeamsModule,
        AuditModule,
      ],
      controllers: [
        AdminAuthController,
        AccountController,
        OrganizationController,
        ScimTokensController,
        ApiKeysController,
        AdminsController,
        InvitationsController,
        EventsController,
        WebhooksController,
        WebhookDeliveriesController,
        ScimOAuthClientsController,
        ScimFederatedCredentialsController,
        ProvisioningLogController,
        TeamsController,
        TeamDeletionController,
        TeamResourcesController,
        GroupRoleMappingsController,
        UsersController,
        MicrosoftConnectController,
        MicrosoftSignInController,
        SamlSignInController,
        SsoSettingsController,
        SsoAccountLinksController,
        OidcSignInController,
        MemberSessionController,
      ],
      providers: [
        { provide: ADMIN_API_OPTIONS, useValue: options },
        AdminSessionGuard,
        MemberSessionGuard,
        AdminTeamReader,
        AdminUserReader,
        RefusedSignInRecorder,
        InvitationMailer,
      ],
      // A module with its own admin controllers imports SsoModule too, so the guard resolves.
      exports: [ADMIN_API_OPTIONS, AdminSessionGuard, SsoModule],
    };
  }
}
