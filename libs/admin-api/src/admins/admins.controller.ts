import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  UseFilters,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ChangeAdminRole,
  InviteAdmin,
  ListAdminTeam,
  RemoveAdmin,
  RevokeAdminInvitation,
  TransferOwnership,
} from '@rollcall/organizations';
import type { AuthenticatedAdmin } from '@rollcall/sso';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';
import {
  CurrentAdmin,
  CurrentAdminSession,
  type AdminPrincipal,
} from '../auth/current-admin.decorator';
import { adminBodyPipe } from '../http/admin-body.pipe';
import { AdminRoutes, AdminWrite } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import { AdminManagementErrorFilter } from './admin-management-error.filter';
import {
  AdminTeamDto,
  ChangeAdminRoleDto,
  CreatedAdminInvitationDto,
  InviteAdminDto,
  OrganizationAdminDto,
  toAdminTeamDto,
  toOrganizationAdminDto,
} from './admins.dto';
import { InvitationMailer } from './invitation.mailer';
import { OwnerOnly } from './owner-only.decorator';

/** The organization's admins as a team: roles, invitations, removal and ownership. */
@ApiTags('Admin: admins')
@Controller('api/admins')
@AdminRoutes()
@UseFilters(AdminManagementErrorFilter)
export class AdminsController {
  constructor(
    private readonly listAdminTeam: ListAdminTeam,
    private readonly inviteAdmin: InviteAdmin,
    private readonly revokeInvitation: RevokeAdminInvitation,
    private readonly changeAdminRole: ChangeAdminRole,
    private readonly removeAdmin: RemoveAdmin,
    private readonly transferOwnership: TransferOwnership,
    private readonly mailer: InvitationMailer,
    @Inject(ADMIN_API_OPTIONS) private readonly options: AdminApiOptions,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The organization’s admins, first admin first, and pending invitations',
  })
  @ApiOkResponse({ type: AdminTeamDto })
  async list(@CurrentAdmin() admin: AdminPrincipal): Promise<AdminTeamDto> {
    const team = await this.listAdminTeam.execute(admin.organizationId);
    return toAdminTeamDto(team, admin.adminId, new Date());
  }

  @Post('invitations')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @AdminWrite()
  @OwnerOnly()
  @ApiOperation({
    summary: 'Invite an admin (owner only)',
    description:
      'A single-use link valid for 7 days; inviting a pending address again replaces its invitation. With SMTP_URL set the link is e-mailed (`emailed: true`); otherwise, or when sending fails (`mailError`), pass the link on yourself.',
  })
  @ApiCreatedResponse({ type: CreatedAdminInvitationDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'BAD_REQUEST, ADMIN_EMAIL_INVALID' })
  @ApiConflictResponse({
    type: ApiErrorDto,
    description: 'ALREADY_ADMIN; ADMIN_EMAIL_TAKEN (the address administers another organization)',
  })
  async invite(
    @CurrentAdminSession() session: AuthenticatedAdmin,
    @Body(adminBodyPipe()) body: InviteAdminDto,
  ): Promise<CreatedAdminInvitationDto> {
    const issued = await this.inviteAdmin.execute({
      organizationId: session.organization.id,
      email: body.email,
      role: body.role,
      invitedBy: `admin:${session.admin.email}`,
      publicUrl: this.options.publicUrl,
    });
    const delivery = await this.mailer.deliver(issued, session.admin.email);
    return {
      id: issued.invitation.id,
      email: issued.invitation.email,
      role: issued.invitation.role,
      link: issued.link,
      expiresAt: issued.invitation.expiresAt.toISOString(),
      ...delivery,
    };
  }

  @Delete('invitations/:id')
  @HttpCode(204)
  @AdminWrite()
  @OwnerOnly()
  @ApiOperation({ summary: 'Withdraw an invitation (owner only): its link stops working' })
  @ApiNoContentResponse({ description: 'Withdrawn.' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'INVITATION_NOT_FOUND' })
  async revoke(@CurrentAdmin() admin: AdminPrincipal, @Param('id') id: string): Promise<void> {
    await this.revokeInvitation.execute(admin.organizationId, id, admin.actor);
  }

  @Patch(':id')
  @AdminWrite()
  @OwnerOnly()
  @ApiOperation({ summary: 'Change an admin’s role (owner only)' })
  @ApiOkResponse({ type: OrganizationAdminDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'ADMIN_NOT_FOUND' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'LAST_OWNER' })
  async changeRole(
    @CurrentAdmin() admin: AdminPrincipal,
    @Param('id') id: string,
    @Body(adminBodyPipe()) body: ChangeAdminRoleDto,
  ): Promise<OrganizationAdminDto> {
    const changed = await this.changeAdminRole.execute({
      organizationId: admin.organizationId,
      adminId: id,
      role: body.role,
      actor: admin.actor,
    });
    return toOrganizationAdminDto(changed, admin.adminId);
  }

  @Delete(':id')
  @HttpCode(204)
  @AdminWrite()
  @OwnerOnly()
  @ApiOperation({ summary: 'Remove an admin (owner only); their sessions end' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'ADMIN_NOT_FOUND' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'LAST_OWNER' })
  async remove(@CurrentAdmin() admin: AdminPrincipal, @Param('id') id: string): Promise<void> {
    await this.removeAdmin.execute(admin.organizationId, id, admin.actor);
  }

  @Post(':id/transfer-ownership')
  @HttpCode(204)
  @AdminWrite()
  @OwnerOnly()
  @ApiOperation({
    summary: 'Transfer ownership (owner only): they become an owner, you become an admin',
  })
  @ApiNoContentResponse({ description: 'Transferred.' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'TRANSFER_TO_SELF' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'ADMIN_NOT_FOUND' })
  async transfer(@CurrentAdmin() admin: AdminPrincipal, @Param('id') id: string): Promise<void> {
    await this.transferOwnership.execute({
      organizationId: admin.organizationId,
      fromAdminId: admin.adminId,
      toAdminId: id,
      actor: admin.actor,
    });
  }
}
