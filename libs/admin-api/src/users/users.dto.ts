import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  ROLE_NAMES,
  type AdminUserDetailView,
  type AdminUserListView,
  type AdminUserView,
  type EffectiveRoleView,
  type RoleName,
  type RoleSourceName,
  type UserStatusFilter,
} from '@rollcall/contracts';

const STATUSES: readonly UserStatusFilter[] = ['active', 'deactivated', 'all'];
export const MAX_USERS_PAGE = 200;

export class ListUsersQueryDto {
  @ApiPropertyOptional({ description: 'Part of the userName, display name or an e-mail.' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  search?: string;

  @ApiPropertyOptional({ enum: STATUSES, default: 'all' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: UserStatusFilter;

  @ApiPropertyOptional({ minimum: 1, default: 1, description: '1-based, as in SCIM.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  startIndex?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_USERS_PAGE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_USERS_PAGE)
  count?: number;
}

export class EffectiveRoleDto implements EffectiveRoleView {
  @ApiProperty({ enum: ROLE_NAMES })
  role!: RoleName;

  @ApiProperty({
    enum: ['roleName', 'group', 'default'],
    description:
      'roleName: set explicitly from Entra (wins); group: the most privileged mapped group; default: the organization’s default role.',
  })
  source!: RoleSourceName;

  @ApiPropertyOptional({ description: 'The mapped group that granted the role.' })
  groupName?: string;
}

export class UserTeamDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Platform' })
  name!: string;
}

export class AdminUserDto implements AdminUserView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ada@acme.example' })
  userName!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Ada Lovelace' })
  displayName!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'ada@acme.example' })
  email!: string | null;

  @ApiProperty({ description: 'false: deactivated (no access; teams and role kept).' })
  active!: boolean;

  @ApiProperty({ enum: ['scim', 'manual', 'sso'] })
  source!: 'scim' | 'manual' | 'sso';

  @ApiProperty({ type: EffectiveRoleDto })
  role!: EffectiveRoleDto;

  @ApiProperty({ type: [UserTeamDto] })
  teams!: UserTeamDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class AdminUserListDto implements AdminUserListView {
  @ApiProperty({ example: 1234, description: 'Users matching search and status.' })
  total!: number;

  @ApiProperty({ example: 1 })
  startIndex!: number;

  @ApiProperty({ type: [AdminUserDto] })
  users!: AdminUserDto[];
}

export class AdminUserDetailDto extends AdminUserDto implements AdminUserDetailView {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The SCIM User resource as stored (what Entra sent, after its PATCHes).',
  })
  scim!: Record<string, unknown>;
}
