import { Body, Controller, Get, Header, Inject, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  GetOrganization,
  RenameOrganization,
  UpdateOrganizationSettings,
} from '@rollcall/organizations';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';
import { CurrentAdmin, type AdminPrincipal } from '../auth/current-admin.decorator';
import { adminBodyPipe } from '../http/admin-body.pipe';
import { AdminRoutes, AdminWrite } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import {
  OrganizationDto,
  RenameOrganizationDto,
  UpdateOrganizationSettingsDto,
  toOrganizationDto,
} from './organization.dto';

/** The signed-in admin's organization: its settings and the SCIM Tenant URL. */
@ApiTags('Admin: organization')
@Controller('api/organization')
@AdminRoutes()
export class OrganizationController {
  constructor(
    private readonly getOrganization: GetOrganization,
    private readonly updateSettings: UpdateOrganizationSettings,
    private readonly renameOrganization: RenameOrganization,
    @Inject(ADMIN_API_OPTIONS) private readonly options: AdminApiOptions,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The organization, its settings and the SCIM Tenant URL' })
  @ApiOkResponse({ type: OrganizationDto })
  async get(@CurrentAdmin() admin: AdminPrincipal): Promise<OrganizationDto> {
    const organization = await this.getOrganization.execute(admin.organizationId);
    return toOrganizationDto(organization, this.options.publicUrl);
  }

  @Patch()
  @AdminWrite()
  @ApiOperation({
    summary: 'Rename the organization',
    description: 'The name is trimmed and has 1 to 200 characters; the slug does not change.',
  })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'ORGANIZATION_NAME_INVALID' })
  async rename(
    @CurrentAdmin() admin: AdminPrincipal,
    @Body(adminBodyPipe()) body: RenameOrganizationDto,
  ): Promise<OrganizationDto> {
    const organization = await this.renameOrganization.execute(
      admin.organizationId,
      body.name,
      admin.actor,
    );
    return toOrganizationDto(organization, this.options.publicUrl);
  }

  @Patch('settings')
  @AdminWrite()
  @ApiOperation({
    summary: 'Change settings',
    description:
      'Only the fields sent change. Turning `scimEnabled` off makes every SCIM token answer 401 until it is turned on again. A new retention window applies to teams deleted from then on.',
  })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'A value is out of range.' })
  async update(
    @CurrentAdmin() admin: AdminPrincipal,
    @Body(adminBodyPipe()) body: UpdateOrganizationSettingsDto,
  ): Promise<OrganizationDto> {
    const organization = await this.updateSettings.execute(
      admin.organizationId,
      {
        scimEnabled: body.scimEnabled,
        deletedTeamRetentionDays: body.deletedTeamRetentionDays,
        defaultRole: body.defaultRole,
      },
      admin.actor,
    );
    return toOrganizationDto(organization, this.options.publicUrl);
  }
}
