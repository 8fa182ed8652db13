import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsString, Max, Min } from 'class-validator';
import {
  MAX_DELETED_TEAM_RETENTION_DAYS,
  MAX_ORGANIZATION_NAME_LENGTH,
  ROLE_NAMES,
  isRoleName,
  type OrganizationSettings,
  type OrganizationView,
  type RenameOrganizationRequest,
  type RoleName,
  type UpdateOrganizationSettingsRequest,
} from '@rollcall/contracts';
import type { OrganizationProfile } from '@rollcall/organizations';
import { IsOmittable } from '../http/omittable.decorator';

export class OrganizationSettingsDto implements OrganizationSettings {
  @ApiProperty({ description: 'Provisioning on: SCIM tokens authenticate only while true.' })
  scimEnabled!: boolean;

  @ApiProperty({
    minimum: 0,
    maximum: MAX_DELETED_TEAM_RETENTION_DAYS,
    example: 30,
    description: 'Days a deleted team stays restorable; 0 deletes at once and for good.',
  })
  deletedTeamRetentionDays!: number;

  @ApiProperty({ enum: ROLE_NAMES, description: 'Role of members with no roleName or group.' })
  defaultRole!: RoleName;
}

export class OrganizationDto implements OrganizationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Acme' })
  name!: string;

  @ApiProperty({ example: 'acme' })
  slug!: string;

  @ApiProperty({ type: OrganizationSettingsDto })
  settings!: OrganizationSettingsDto;

  @ApiProperty({
    example: 'https://rollcall.example.com/scim/v2',
    description: 'The SCIM Tenant URL to paste into Entra (the token identifies the org).',
  })
  scimBaseUrl!: string;
}

export class UpdateOrganizationSettingsDto implements UpdateOrganizationSettingsRequest {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  scimEnabled?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_DELETED_TEAM_RETENTION_DAYS, example: 30 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_DELETED_TEAM_RETENTION_DAYS)
  deletedTeamRetentionDays?: number;

  @ApiPropertyOptional({ enum: ROLE_NAMES })
  @IsOmittable()
  @IsIn(ROLE_NAMES)
  defaultRole?: RoleName;
}

export class RenameOrganizationDto implements RenameOrganizationRequest {
  @ApiProperty({
    example: 'Acme Corporation',
    minLength: 1,
    maxLength: MAX_ORGANIZATION_NAME_LENGTH,
    description: `Trimmed; 1 to ${MAX_ORGANIZATION_NAME_LENGTH} characters. The slug does not change.`,
  })
  @IsString()
  name!: string;
}

export function toOrganizationDto(
  organization: OrganizationProfile,
  publicUrl: string,
): OrganizationDto {
  return {
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    settings: {
      scimEnabled: organization.scimEnabled,
      deletedTeamRetentionDays: organization.deletedTeamRetentionDays,
      // The column predates the role list being shared; anything unknown reads as `member`.
      defaultRole: isRoleName(organization.defaultRole) ? organization.defaultRole : 'member',
    },
    scimBaseUrl: `${publicUrl.replace(/\/+$/, '')}/scim/v2`,
  };
}
