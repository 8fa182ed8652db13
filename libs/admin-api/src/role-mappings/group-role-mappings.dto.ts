import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import {
  ROLE_NAMES,
  ROLE_PRECEDENCE,
  isRoleName,
  type GroupRoleMappingListView,
  type GroupRoleMappingView,
  type RoleName,
  type SetGroupRoleMappingRequest,
} from '@rollcall/contracts';
import type { GroupRoleMapping } from '@rollcall/teams';
import { isoDate } from '../http/iso-date.format';

export class SetGroupRoleMappingDto implements SetGroupRoleMappingRequest {
  @ApiProperty({ example: 'Rollcall Admins', description: 'A group (team) name, any case.' })
  @IsString()
  @MaxLength(256)
  @Matches(/\S/, { message: 'groupName must not be blank' })
  groupName!: string;

  @ApiProperty({ enum: ROLE_NAMES })
  @IsIn(ROLE_NAMES)
  role!: RoleName;
}

export class GroupRoleMappingDto implements GroupRoleMappingView {
  @ApiProperty({ example: 'Rollcall Admins' })
  groupName!: string;

  @ApiProperty({ enum: ROLE_NAMES })
  role!: RoleName;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class GroupRoleMappingListDto implements GroupRoleMappingListView {
  @ApiProperty({ type: [GroupRoleMappingDto] })
  mappings!: GroupRoleMappingDto[];

  @ApiProperty({ example: ROLE_PRECEDENCE, description: 'How a member’s role is decided.' })
  precedence!: typeof ROLE_PRECEDENCE;
}

export function toGroupRoleMappingDto(mapping: GroupRoleMapping): GroupRoleMappingDto {
  return {
    groupName: mapping.groupName,
    role: isRoleName(mapping.role) ? mapping.role : 'member',
    createdAt: isoDate(mapping.createdAt),
  };
}
